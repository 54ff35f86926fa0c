/** Fills `length` random bytes. */
export type RandomBytes = (length: number) => Uint8Array;

/**
 * A UUID version 4 (RFC 9562 §5.4): 122 random bits, the version nibble `4` and the variant bits
 * `10`. It is the touchpoint's idempotency key (SPEC §2.1), so it must be unique, not secret.
 */
export function createUuidV4(randomBytes: RandomBytes): string {
  const bytes = randomBytes(16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

interface WebCrypto {
  getRandomValues(array: Uint8Array): Uint8Array;
}

/**
 * The best synchronous randomness the platform has.
 *
 * - Browsers (the H5 build) have `crypto.getRandomValues`: used when present.
 * - The WeChat mini-program runtime has no `crypto` global; its `wx.getRandomValues` (exposed as
 *   `Taro.getRandomValues`) is asynchronous. An event id must be made synchronously, inside
 *   `track()` or a page's onHide, where the app may be suspended before a callback runs, so we
 *   fall back to `Math.random`. That is acceptable because the id only has to be unique (a
 *   collision among 122 random bits is negligible even from a non-cryptographic generator whose
 *   state is seeded per process), never unguessable: the server derives who sent an event from the
 *   token, not from its id.
 */
export function getPlatformRandomBytes(): RandomBytes {
  const webCrypto = (globalThis as { crypto?: Partial<WebCrypto> }).crypto;
  if (webCrypto && typeof webCrypto.getRandomValues === 'function') {
    const getRandomValues = webCrypto.getRandomValues.bind(webCrypto);
    return (length) => getRandomValues(new Uint8Array(length));
  }
  return (length) => {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
    return bytes;
  };
}
