/**
 * Routing wired into the one signal path (SPEC §2.4, issue 9 §2): after a batch has moved a lead,
 * a lead nobody holds is routed when the batch brought a high-intent signal (a consultation
 * request, a trial booking, a paid-search landing) or made it cross into MQL. `shared/routing`
 * decides; this file loads what it needs under locks (the lead's row is already locked by the
 * caller; then the pool's cursor, then the campus's advisors in id order), and turns an
 * assignment into a `lead_assigned` domain signal applied in the same transaction, so the stage
 * move, the owner and the SLA are written together with the signal that caused them.
 */
import { randomUUID } from 'node:crypto';
import {
  type AdvanceLeadResult,
  type AdvisorChoice,
  advanceLead,
  chooseAdvisor,
  classifyLeadIntent,
  DEFAULT_JOURNEY_MODEL,
  getRoutingPoolKey,
  type LeadSource,
  type RouteDecision,
  type RoutingAdvisor,
  routeLead,
  type ScoringModel,
  type ScoringSignal,
  type StaffSignal,
  toRouteDecision,
} from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import {
  countOpenLeads,
  listExcludedAdvisors,
  lockRoutingCursors,
  saveRoutingCursors,
} from '../../db/queries/assignments.js';
import type { LeadRow } from '../../db/queries/leads.js';
import { lockCampusAdvisors, lockStaff, type StaffRow } from '../../db/queries/staff.js';

export type AssignSignal = Extract<StaffSignal, { type: 'lead_assigned' }>;

export interface RoutedAssignment {
  signal: AssignSignal;
  decision: Extract<RouteDecision, { kind: 'advisor' }>;
}

/** Advisors as routing sees them, for one campus (an advisor may work for several). */
export function toRoutingAdvisors(
  staff: readonly StaffRow[],
  campusId: string,
  openCounts: ReadonlyMap<string, number>,
): RoutingAdvisor[] {
  return staff.map((s) => ({
    id: s.id,
    campusId,
    courseIds: s.courseIds,
    capacity: s.capacity,
    openLeadCount: openCounts.get(s.id) ?? 0,
    isActive: s.isActive,
  }));
}

/** The campus's advisors with their loads, locked; and the pool's cursor, locked. */
export async function loadRoutingPool(tx: Transaction, campusId: string, courseId: string | undefined) {
  const cursor = await lockRoutingCursors(tx, [getRoutingPoolKey(campusId, courseId)]);
  const staff = await lockCampusAdvisors(tx, campusId);
  const counts = await countOpenLeads(
    tx,
    staff.map((s) => s.id),
  );
  return { cursor, advisors: toRoutingAdvisors(staff, campusId, counts) };
}

/** The batch's first high-intent signal as a routing source (SPEC §2.4), if it has one. */
function findHighIntentSource(accepted: readonly ScoringSignal[]): LeadSource | null {
  for (const signal of accepted) {
    if (signal.type === 'advisor_return') continue;
    const source: LeadSource = { kind: 'touchpoint', type: signal.type, channel: signal.channel };
    if (classifyLeadIntent(source).intent === 'high') return source;
  }
  return null;
}

/**
 * Routes the lead if this batch calls for it (issue 9 §2) and returns the batch's result with the
 * assignment applied, or unchanged. The lead must be contactable (a phone on file): an advisor
 * cannot work a lead they cannot reach.
 */
/** Everything `chooseAdvisor` needs for this lead, loaded under locks (none without a campus). */
async function loadChoice(tx: Transaction, row: LeadRow) {
  const lead = { id: row.id, campusId: row.campusId ?? undefined, courseId: row.courseInterest ?? undefined };
  const pool = lead.campusId ? await loadRoutingPool(tx, lead.campusId, lead.courseId) : { cursor: {}, advisors: [] };
  const excludeAdvisorIds = lead.campusId ? await listExcludedAdvisors(tx, row.id) : [];
  return { lead, advisors: pool.advisors, cursor: pool.cursor, excludeAdvisorIds };
}

function toAssignSignal(advisorId: string, now: Date): AssignSignal {
  return { id: randomUUID(), type: 'lead_assigned', occurredAt: now.toISOString(), advisorId, assignment: 'routed' };
}

/**
 * The next advisor for a lead taken back from one who let its accept lapse (issue 9 §2): the
 * round-robin of its campus and course, skipping whoever returned it or missed it before; `null`
 * when nobody has room (it stays in the pool). The cursor moves only when someone is chosen.
 */
export async function chooseNextAdvisor(tx: Transaction, row: LeadRow, now: Date): Promise<AssignSignal | null> {
  const choice = chooseAdvisor(await loadChoice(tx, row));
  if (choice.advisorId === null) return null;
  await saveRoutingCursors(tx, choice.cursor, now);
  return toAssignSignal(choice.advisorId, now);
}

function toRouted(choice: AdvisorChoice, leadId: string) {
  return { decision: toRouteDecision(leadId, choice, 'qualified_mql'), cursor: choice.cursor };
}

export async function routeAdvancedLead(
  tx: Transaction,
  input: {
    row: LeadRow;
    result: AdvanceLeadResult;
    accepted: readonly ScoringSignal[];
    model: ScoringModel;
    now: Date;
    /** The advisor whose own card brought the lead (issue 13 §4): they get it, whatever its intent. */
    cardAdvisorId?: string | null;
  },
): Promise<{ result: AdvanceLeadResult; assignment: RoutedAssignment | null }> {
  const { row, result, now } = input;
  const unchanged = { result, assignment: null };
  if (result.state.owner || !row.phone || row.erasedAt) return unchanged;
  const card = input.cardAdvisorId ? await decideCardAdvisor(tx, row, input.cardAdvisorId) : null;
  if (card) return applyAssignment(input, card);
  const crossedMql = result.lifecycleTransitions.some((t) => t.to === 'mql' && t.ruleId === 'score_qualified');
  const highIntent = findHighIntentSource(input.accepted);
  if (!highIntent && !crossedMql) return unchanged;

  const choice = await loadChoice(tx, row);
  // High intent goes to an advisor now; otherwise the lead has just crossed MQL and is handed over.
  const routed = highIntent
    ? routeLead({ ...choice, source: highIntent, isMql: crossedMql })
    : toRouted(chooseAdvisor(choice), row.id);
  if (routed.decision.kind !== 'advisor') return unchanged;
  await saveRoutingCursors(tx, routed.cursor, now);
  return applyAssignment(input, routed.decision);
}

/**
 * A lead from an advisor's own card goes to that advisor (issue 13 §4) while they are an active
 * advisor who has not returned or let lapse this lead; their capacity does not hold it back, as
 * they brought it in themselves. Otherwise ordinary routing decides.
 */
async function decideCardAdvisor(
  tx: Transaction,
  row: LeadRow,
  advisorId: string,
): Promise<Extract<RouteDecision, { kind: 'advisor' }> | null> {
  const advisor = await lockStaff(tx, advisorId);
  if (advisor?.role !== 'advisor' || !advisor.isActive) return null;
  if ((await listExcludedAdvisors(tx, row.id)).includes(advisorId)) return null;
  const poolKey = getRoutingPoolKey(row.campusId ?? 'none', row.courseInterest ?? undefined);
  const detail = `lead came through ${advisor.name}'s own channel code`;
  return { kind: 'advisor', leadId: row.id, advisorId, poolKey, reason: 'advisor_card', detail };
}

function applyAssignment(
  input: { result: AdvanceLeadResult; model: ScoringModel; now: Date },
  decision: Extract<RouteDecision, { kind: 'advisor' }>,
): { result: AdvanceLeadResult; assignment: RoutedAssignment } {
  const { result, now } = input;
  const signal = toAssignSignal(decision.advisorId, now);
  const assigned = advanceLead({
    state: result.state,
    signals: [{ signal }],
    model: input.model,
    journeyModel: DEFAULT_JOURNEY_MODEL,
    now,
  });
  return {
    result: {
      ...assigned,
      lifecycleTransitions: [...result.lifecycleTransitions, ...assigned.lifecycleTransitions],
      journeyTransitions: [...result.journeyTransitions, ...assigned.journeyTransitions],
      ledger: [...result.ledger, ...assigned.ledger],
      refused: [...result.refused, ...assigned.refused],
    },
    assignment: { signal, decision },
  };
}
