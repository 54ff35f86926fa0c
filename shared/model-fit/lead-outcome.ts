/**
 * What counts as an outcome when a manager fits a model from the institution's own leads (issue 15
 * §4, SPEC §2.3 "predictive calibration"). Defined once, here:
 *
 * - positive: the lead enrolled (an enrolment was recorded), whatever happened before;
 * - negative: the lead did not enrol and was returned by an advisor ("not ready, not a fit") or
 *   went dormant (lost: no activity for the dormancy period);
 * - no outcome yet: everyone else. They are left out of the fit, not counted as negatives, since
 *   an open lead may still enrol.
 *
 * The lead is read as it was just before its outcome: signals at or after the outcome, and the
 * outcome signals themselves (`enrolled`, `advisor_return`), would leak the answer into the fit.
 */
import type { HistoricalLead } from '../calibration/historical-lead.js';
import type { LeadProfile } from '../scoring/lead-profile.js';
import type { ScoringSignal } from '../scoring/scoring-signal.js';

export const LEAD_OUTCOME_KINDS = ['enrolled', 'returned', 'dormant'] as const;
export type LeadOutcomeKind = (typeof LEAD_OUTCOME_KINDS)[number];

/** When each outcome happened to the lead (ISO instants); null when it did not. */
export type OutcomeEvidence = { enrolledAt: string | null; returnedAt: string | null; dormantAt: string | null };

export type LeadOutcome = { kind: LeadOutcomeKind; isConverted: boolean; at: string };

/** The lead's outcome (see the file comment), or null while it is still open. */
export function classifyLeadOutcome(evidence: OutcomeEvidence): LeadOutcome | null {
  if (evidence.enrolledAt) return { kind: 'enrolled', isConverted: true, at: evidence.enrolledAt };
  const { returnedAt, dormantAt } = evidence;
  // The first sign of loss is when the lead was lost: later activity was after the advisor gave up.
  if (returnedAt && (!dormantAt || Date.parse(returnedAt) <= Date.parse(dormantAt))) {
    return { kind: 'returned', isConverted: false, at: returnedAt };
  }
  if (dormantAt) return { kind: 'dormant', isConverted: false, at: dormantAt };
  return null;
}

/** Signal types that are the outcome itself, never evidence for it. */
const OUTCOME_SIGNAL_TYPES: ReadonlySet<ScoringSignal['type']> = new Set(['enrolled', 'advisor_return']);

/**
 * A lead with an outcome as a training row: its profile and the signals strictly before the
 * outcome, other than the outcome signals.
 */
export function toTrainingLead(input: {
  id: string;
  profile: LeadProfile;
  signals: readonly ScoringSignal[];
  outcome: LeadOutcome;
}): HistoricalLead {
  const outcomeMs = Date.parse(input.outcome.at);
  return {
    id: input.id,
    profile: input.profile,
    signals: input.signals.filter((s) => !OUTCOME_SIGNAL_TYPES.has(s.type) && Date.parse(s.occurredAt) < outcomeMs),
    isConverted: input.outcome.isConverted,
  };
}
