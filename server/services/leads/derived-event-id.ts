/**
 * Touchpoint ids for facts the server records itself (a download through a signed link, a
 * referral that became real): derived from the fact, not random, so that recording the same fact
 * again is a duplicate of the same id and counts once (SPEC §4 "touchpoints are idempotent by id").
 */
import { createHash } from 'node:crypto';

/**
 * A UUID derived from `parts` (SHA-256, shaped as RFC 9562 version 8, the custom layout).
 *
 * @example deriveEventId('referral', referredLeadId) // the same id every time for this referral
 */
export function deriveEventId(...parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\u001f')).digest();
  hash.writeUInt8(((hash.readUInt8(6) & 0x0f) | 0x80) >>> 0, 6);
  hash.writeUInt8(((hash.readUInt8(8) & 0x3f) | 0x80) >>> 0, 8);
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
