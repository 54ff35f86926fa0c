/**
 * Identity resolution's I/O (SPEC §4 "one person, one lead", ADR 010): when a lead's phone is
 * set (registration, phone binding, and the workbench's CSV import), find the other live leads
 * with that number, ask the rule in shared/identity what to do with each pair, and merge or flag.
 * Runs in the caller's transaction, after the lead's new phone is written, under a per-phone lock:
 * two registrations of one number at once end in one merge or flag, not two.
 */
import { decideLeadIdentity, type IdentityDecision, type IdentityLeadFacts } from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import {
  hasReversedMerge,
  insertDuplicateFlag,
  listLiveLeadsWithPhone,
  lockPhone,
} from '../../db/queries/lead-identity.js';
import { findLeadById } from '../../db/queries/leads.js';
import { isLiveLead } from './lead-guards.js';
import { type MergeCause, mergeLeads } from './merge-leads.js';

type FactsSource = { id: string; openid: string | null; phoneVerifiedAt: Date | null; createdAt: Date };

const toFacts = (lead: FactsSource): IdentityLeadFacts => ({
  id: lead.id,
  hasOpenid: lead.openid !== null,
  isPhoneVerified: lead.phoneVerifiedAt !== null,
  isLive: true,
  createdAt: lead.createdAt.toISOString(),
});

/**
 * Resolves `leadId` against every other live lead with its phone; returns the decisions acted on
 * (merges and flags; a pair flagged before is not flagged again).
 *
 * @example await resolveLeadIdentity(tx, { leadId, cause: 'phone_binding', now });
 */
export async function resolveLeadIdentity(
  tx: Transaction,
  options: { leadId: string; cause: MergeCause; now: Date },
): Promise<IdentityDecision[]> {
  const { leadId, now } = options;
  const lead = await findLeadById(tx, leadId);
  if (!lead?.phone || !isLiveLead(lead)) return [];
  await lockPhone(tx, lead.phone);
  const acted: IdentityDecision[] = [];
  for (const other of await listLiveLeadsWithPhone(tx, lead.phone, leadId)) {
    const isMergeReversed = await hasReversedMerge(tx, leadId, other.id);
    const decision = decideLeadIdentity(toFacts(lead), toFacts(other), { isMergeReversed });
    if (decision.action === 'flag') {
      const isNew = await insertDuplicateFlag(tx, { ...decision, at: now });
      if (isNew) acted.push(decision);
    } else if (decision.action === 'merge') {
      const merged = await mergeLeads(tx, { ...decision, cause: options.cause, now });
      if (merged) acted.push(decision);
      // This lead was absorbed: the survivor was resolved when its own phone was set.
      if (merged && decision.absorbedId === leadId) break;
    }
  }
  return acted;
}
