/**
 * A/B variants (SPEC §2.5 "A/B variants", issue 13 "deterministic per lead"): a lead's variant of a
 * step is a pure function of (campaign, step, lead) and the weights, so every planning run, every
 * retry and every server instance picks the same one, and results can be counted per variant.
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** UTF-8 bytes of a string; shared/ has no TextEncoder (ES2022 without DOM or Node types). */
function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return bytes;
}

/**
 * 32-bit FNV-1a of the text's UTF-8 bytes (draft-eastlake-fnv), as an unsigned integer. Chosen
 * because it is a few lines in any language, so the server may compute the same value in SQL;
 * a hand-written loop rather than a library because shared/ imports only zod.
 *
 * @example fnv1a32('') // 2166136261
 * @example fnv1a32('a') // 3826002220
 */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of utf8Bytes(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/**
 * MurmurHash3's 32-bit finalizer (fmix32): FNV-1a leaves the last bytes of its input poorly mixed
 * into the high bits, so ids that differ only at the end (sequential ids) would bunch together.
 */
function fmix32(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The 32-bit hash behind variants and jitter: FNV-1a, then fmix32. */
export function hashCampaignKey(text: string): number {
  return fmix32(fnv1a32(text));
}

export interface WeightedVariant {
  key: string;
  /** Relative share of leads (a positive integer). */
  weight: number;
}

/**
 * The variant of `variants` a lead gets for a step (SPEC §2.5): `hashCampaignKey` of campaign, step and
 * lead, as a fraction of 2^32, mapped onto the cumulative weights. The order of
 * `variants` matters; editing a weight moves only the leads whose point crosses a boundary.
 *
 * @example assignVariant({ campaignId: 'c1', stepId: 'hook', leadId: 'l1', variants: [{ key: 'a', weight: 1 }, { key: 'b', weight: 1 }] })
 */
export function assignVariant(input: {
  campaignId: string;
  stepId: string;
  leadId: string;
  variants: readonly WeightedVariant[];
}): string {
  const { variants } = input;
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  if (variants.length === 0 || total <= 0) throw new Error('assignVariant needs at least one variant with weight');
  const hash = hashCampaignKey(`${input.campaignId}\u0000${input.stepId}\u0000${input.leadId}`);
  const point = Math.floor((hash / 2 ** 32) * total);
  let cumulative = 0;
  for (const variant of variants) {
    cumulative += variant.weight;
    if (point < cumulative) return variant.key;
  }
  return (variants[variants.length - 1] as WeightedVariant).key;
}
