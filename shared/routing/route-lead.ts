/**
 * Routing a lead (SPEC §2.4): high-intent sources go straight to an advisor; low-intent ones wait
 * in the nurture pool and are handed over automatically once the lead is MQL. Either way the
 * advisor is chosen by campus, course and capacity, round-robin.
 */
import {
  type AdvisorChoice,
  chooseAdvisor,
  type RoutableLead,
  type RoutingAdvisor,
  type RoutingCursor,
} from './choose-advisor.js';
import {
  classifyLeadIntent,
  DEFAULT_LEAD_INTENT_RULES,
  type LeadIntentResult,
  type LeadIntentRule,
  type LeadSource,
} from './lead-intent.js';
import type { RoutingReason } from './reasons.js';

/** The lead goes to an advisor now. */
export interface AdvisorDecision {
  kind: 'advisor';
  leadId: string;
  advisorId: string;
  poolKey: string;
  reason: Extract<RoutingReason, 'high_intent' | 'qualified_mql' | 'advisor_left' | 'advisor_card'>;
  detail: string;
}

/** The lead waits in the nurture pool (SPEC §2.4), with why. */
export interface PoolDecision {
  kind: 'pool';
  leadId: string;
  reason: Exclude<RoutingReason, 'high_intent' | 'qualified_mql' | 'advisor_card'>;
  detail: string;
}

export type RouteDecision = AdvisorDecision | PoolDecision;

/** Turns an advisor choice into a decision: assigned for `reason`, or pooled with the choice's reason. */
export function toRouteDecision(
  leadId: string,
  choice: AdvisorChoice,
  reason: AdvisorDecision['reason'],
): RouteDecision {
  return choice.advisorId === null
    ? { kind: 'pool', leadId, reason: choice.reason, detail: choice.detail }
    : { kind: 'advisor', leadId, advisorId: choice.advisorId, poolKey: choice.poolKey, reason, detail: choice.detail };
}

/**
 * Decides where a lead goes (SPEC §2.4) and returns the rotation cursor to store. Call it when a
 * lead arrives (with its source) and again whenever its score crosses the MQL threshold.
 * `excludeAdvisorIds` keeps a lead away from advisors who returned it.
 *
 * @example
 * routeLead({ lead, source: { kind: 'touchpoint', type: 'consultation_request' }, isMql: false, advisors, cursor });
 * // { decision: { kind: 'advisor', advisorId, reason: 'high_intent', … }, intent, cursor }
 */
export function routeLead(input: {
  lead: RoutableLead;
  source: LeadSource;
  isMql: boolean;
  advisors: readonly RoutingAdvisor[];
  cursor: RoutingCursor;
  excludeAdvisorIds?: readonly string[];
  intentRules?: readonly LeadIntentRule[];
}): { decision: RouteDecision; intent: LeadIntentResult; cursor: RoutingCursor } {
  const { lead, cursor } = input;
  const intent = classifyLeadIntent(input.source, input.intentRules ?? DEFAULT_LEAD_INTENT_RULES);
  const reason = intent.intent === 'high' ? 'high_intent' : input.isMql ? 'qualified_mql' : null;
  if (reason === null) {
    const detail = `low-intent source (${intent.ruleId}) and not MQL: nurture until it qualifies`;
    return { decision: { kind: 'pool', leadId: lead.id, reason: 'low_intent', detail }, intent, cursor };
  }
  const choice = chooseAdvisor({ lead, advisors: input.advisors, cursor, excludeAdvisorIds: input.excludeAdvisorIds });
  return { decision: toRouteDecision(lead.id, choice, reason), intent, cursor: choice.cursor };
}
