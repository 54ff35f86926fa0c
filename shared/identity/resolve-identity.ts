/**
 * Identity resolution (SPEC §4 "one person, one lead", ADR 010): two leads share a phone number;
 * are they one person? Pure: given what is known of both, decide to merge one into the other,
 * to flag one as a possible duplicate of the other for advisors, or to do nothing, with a reason.
 * The server (server/services/leads/resolve-lead-identity.ts) finds the pairs and acts.
 *
 * The rule, first match wins:
 * 1. the same lead, or a lead that is no longer live → nothing; a pair whose merge a manager
 *    reversed → flag only, so that the next phone binding does not merge them again;
 * 2. two WeChat users (each has an openid: a parent and a student often share a number) → flag
 *    the newer as a possible duplicate of the older: they are two accounts, so neither history
 *    may be moved into the other;
 * 3. an offline lead (an import, a fair list: no openid) and a WeChat user whose number WeChat
 *    verified (the phone button) → merge the offline lead into the WeChat lead, which is how the
 *    person logs in;
 * 4. the same, but the number was only typed → flag: a typed number proves nothing, and merging
 *    on it would hand the offline lead's history to whoever typed it;
 * 5. two offline leads (both from the institution's own lists) → merge the newer into the older.
 */

/** What the rule reads of each lead. */
export interface IdentityLeadFacts {
  id: string;
  /** Has a WeChat openid: the lead is someone's mini-program account. */
  hasOpenid: boolean;
  /** WeChat verified the lead's current number (the `getPhoneNumber` button). */
  isPhoneVerified: boolean;
  /** Erased or already merged into another lead. */
  isLive: boolean;
  /** ISO 8601; decides which of two leads is the newer. */
  createdAt: string;
}

export const IDENTITY_REASONS = [
  'same-lead',
  'not-live',
  'merge-reversed',
  'different-wechat-users',
  'offline-lead-claimed',
  'unverified-phone',
  'offline-duplicates',
] as const;
export type IdentityReason = (typeof IDENTITY_REASONS)[number];

export type IdentityDecision =
  | { action: 'merge'; survivorId: string; absorbedId: string; reason: IdentityReason }
  | { action: 'flag'; leadId: string; duplicateOfLeadId: string; reason: IdentityReason }
  | { action: 'none'; reason: IdentityReason };

/** Older first; equal times by id, so the order never depends on which lead arrived. */
function byAge(a: IdentityLeadFacts, b: IdentityLeadFacts): [older: IdentityLeadFacts, newer: IdentityLeadFacts] {
  const diff = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return diff < 0 || (diff === 0 && a.id < b.id) ? [a, b] : [b, a];
}

/**
 * Decides what to do about two leads with the same phone (SPEC §4). Symmetric: the answer does not
 * depend on which of the two is passed first. `pair.isMergeReversed`: a manager undid a merge of
 * these two, so they are kept apart.
 *
 * @example
 * decideLeadIdentity(offlineImport, wechatLeadWithVerifiedPhone);
 * // { action: 'merge', survivorId: wechatLead.id, absorbedId: offlineImport.id, reason: 'offline-lead-claimed' }
 */
export function decideLeadIdentity(
  a: IdentityLeadFacts,
  b: IdentityLeadFacts,
  pair: { isMergeReversed?: boolean } = {},
): IdentityDecision {
  if (a.id === b.id) return { action: 'none', reason: 'same-lead' };
  if (!a.isLive || !b.isLive) return { action: 'none', reason: 'not-live' };
  const [older, newer] = byAge(a, b);
  if (pair.isMergeReversed) {
    return { action: 'flag', leadId: newer.id, duplicateOfLeadId: older.id, reason: 'merge-reversed' };
  }
  if (a.hasOpenid && b.hasOpenid) {
    return { action: 'flag', leadId: newer.id, duplicateOfLeadId: older.id, reason: 'different-wechat-users' };
  }
  if (a.hasOpenid !== b.hasOpenid) {
    const [wechat, offline] = a.hasOpenid ? [a, b] : [b, a];
    return wechat.isPhoneVerified
      ? { action: 'merge', survivorId: wechat.id, absorbedId: offline.id, reason: 'offline-lead-claimed' }
      : { action: 'flag', leadId: newer.id, duplicateOfLeadId: older.id, reason: 'unverified-phone' };
  }
  return { action: 'merge', survivorId: older.id, absorbedId: newer.id, reason: 'offline-duplicates' };
}
