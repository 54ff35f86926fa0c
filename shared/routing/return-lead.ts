/**
 * An advisor gives a lead back (SPEC §2.4 "a lead the advisor returns loses points and goes back
 * to the pool to be nurtured and re-qualified"). Routing produces the `advisor_return` signal; the
 * scoring model turns it into negative points and the lifecycle machine moves the SQL back.
 */
import type { AdvisorReturnSignal } from '../scoring/scoring-signal.js';
import type { AdvisorReturnReason } from './reasons.js';
import type { PoolDecision } from './route-lead.js';

export type ReturnLeadResult =
  | { ok: true; leadId: string; signal: AdvisorReturnSignal; decision: PoolDecision }
  | { ok: false; leadId: string; reason: string };

/**
 * Returns a lead to the nurture pool (SPEC §2.4). Only the lead's owner can return it; anyone else
 * gets a reason, not an exception. `returnId` is the idempotency key of the return (like a
 * touchpoint's id), so a retried request cannot take the points twice.
 *
 * @example
 * const r = returnLead({ leadId, ownerAdvisorId, advisorId, at, reason: 'unreachable', returnId });
 * if (r.ok) advanceLead({ state, signals: [{ signal: r.signal }], … }); // penalty + back to nurture
 */
export function returnLead(input: {
  leadId: string;
  ownerAdvisorId: string | null;
  advisorId: string;
  at: string;
  reason: AdvisorReturnReason;
  returnId: string;
}): ReturnLeadResult {
  const { leadId, advisorId } = input;
  if (input.ownerAdvisorId !== advisorId) {
    const owner = input.ownerAdvisorId ?? 'nobody';
    return { ok: false, leadId, reason: `lead ${leadId} is owned by ${owner}, not by ${advisorId}` };
  }
  return {
    ok: true,
    leadId,
    signal: { id: input.returnId, type: 'advisor_return', occurredAt: input.at, advisorId, reason: input.reason },
    decision: {
      kind: 'pool',
      leadId,
      reason: 'advisor_returned',
      detail: `returned by ${advisorId} (${input.reason}); nurture until it qualifies again`,
    },
  };
}
