/**
 * A manager reassigns an advisor's open leads when the advisor leaves (SPEC §2.4 "Managers can
 * reassign (and must, when an advisor leaves)"). Deterministic: the best-scored leads are placed
 * first (ties by id), each through the same round-robin as new leads, and every placement counts
 * against the receiving advisor's capacity. Leads nobody can take go to the nurture pool.
 */
import { chooseAdvisor, type RoutableLead, type RoutingAdvisor, type RoutingCursor } from './choose-advisor.js';
import { type AdvisorDecision, type PoolDecision, toRouteDecision } from './route-lead.js';

/** An open lead of the leaving advisor; `score` orders who is placed first (higher first). */
export interface ReassignableLead extends RoutableLead {
  score?: number;
}

export interface ReassignmentResult {
  assigned: AdvisorDecision[];
  pooled: PoolDecision[];
  cursor: RoutingCursor;
  /** The advisors with their open-lead counts after the reassignment. */
  advisors: RoutingAdvisor[];
}

/**
 * Reassigns every open lead of `leavingAdvisorId` (SPEC §2.4). The leaving advisor is treated as
 * inactive. The order the leads are passed in does not change the result.
 *
 * @example
 * const { assigned, pooled, cursor } = reassignAdvisorLeads({ leavingAdvisorId, leads, advisors, cursor });
 */
export function reassignAdvisorLeads(input: {
  leavingAdvisorId: string;
  leads: readonly ReassignableLead[];
  advisors: readonly RoutingAdvisor[];
  cursor: RoutingCursor;
}): ReassignmentResult {
  const ordered = [...input.leads].sort(
    // Equivalent mutants: lead ids are distinct, and sort only tells a negative result from the
    // rest.
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, see above
    (a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let advisors = input.advisors.map((a) => (a.id === input.leavingAdvisorId ? { ...a, isActive: false } : { ...a }));
  let cursor = input.cursor;
  const assigned: AdvisorDecision[] = [];
  const pooled: PoolDecision[] = [];
  for (const lead of ordered) {
    const choice = chooseAdvisor({ lead, advisors, cursor });
    cursor = choice.cursor;
    const decision = toRouteDecision(lead.id, choice, 'advisor_left');
    if (decision.kind === 'pool') {
      pooled.push(decision);
      continue;
    }
    assigned.push(decision);
    advisors = advisors.map((a) => (a.id === decision.advisorId ? { ...a, openLeadCount: a.openLeadCount + 1 } : a));
  }
  return { assigned, pooled, cursor, advisors };
}
