/**
 * The `scene` of a channel's mini-program code (wxacode.getUnlimited, issue 13 §4): at most 32
 * visible characters from `0-9 A-Z a-z !#$&'()*+,/:;=?@-._~` (no `%`, so no URL-encoding of
 * arbitrary text). A channel id is a UUID (36 characters with dashes), so the scene carries its
 * 16 bytes in base64url (22 characters, all in WeChat's set) behind a one-letter kind:
 * `c.` + 22 = 24 characters, with room for other kinds of code later.
 */

/** WeChat's limit on the scene's length. */
export const SCENE_MAX_LENGTH = 32;
/** Every character WeChat accepts in a scene (wxacode.getUnlimited, `scene`). */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

const CHANNEL_PREFIX = 'c.';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SceneTarget = { kind: 'channel'; channelId: string };
export type SceneParse =
  | { ok: true; target: SceneTarget }
  | { ok: false; reason: 'invalid_characters' | 'unknown_kind' | 'malformed' };

/** Whether WeChat accepts `scene` as it is. */
export function isValidScene(scene: string): boolean {
  return SCENE_PATTERN.test(scene);
}

// base64url by hand: shared/ has neither Buffer nor btoa (ES2022 without DOM or Node types), and
// 16 bytes of a UUID are all it encodes.
function toBase64Url(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const chunk = (a << 16) | (b << 8) | c;
    const chars = Math.ceil((Math.min(3, bytes.length - i) * 8) / 6);
    for (let j = 0; j < chars; j++) out += ALPHABET[(chunk >> (18 - 6 * j)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): number[] | null {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = (value << 6) | index;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  // Leftover bits must be zero, so that each byte string has exactly one encoding.
  return (value & ((1 << bits) - 1)) === 0 ? bytes : null;
}

/**
 * The scene of a channel's code.
 *
 * @example encodeChannelScene('0b7e4a39-2f4c-4d0e-9a51-6c1d2e3f4a5b') // 'c.C35KOS9MTQ6aUWwdLj9KWw'
 */
export function encodeChannelScene(channelId: string): string {
  if (!UUID.test(channelId)) throw new Error(`channel id must be a UUID: ${channelId}`);
  const hex = channelId.replace(/-/g, '').toLowerCase();
  const bytes = Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  return `${CHANNEL_PREFIX}${toBase64Url(bytes)}`;
}

/**
 * What a scanned code's scene points at. The mini-program receives the scene URL-encoded in its
 * launch query and decodes it with `decodeURIComponent` before calling this.
 */
export function parseScene(scene: string): SceneParse {
  if (!isValidScene(scene)) return { ok: false, reason: 'invalid_characters' };
  if (!scene.startsWith(CHANNEL_PREFIX)) return { ok: false, reason: 'unknown_kind' };
  const bytes = fromBase64Url(scene.slice(CHANNEL_PREFIX.length));
  if (bytes?.length !== 16) return { ok: false, reason: 'malformed' };
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  const channelId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { ok: true, target: { kind: 'channel', channelId } };
}
