/**
 * Filtering and grouping by segment (issue 15 "for a period and optional filters"), shared by the
 * direct computations and the finalise step of every rollup so that both group alike.
 */
import type { AnalyticsLead, AnalyticsTransition, LeadSegment, SegmentDimension, SegmentFilter } from './inputs.js';

/** A group's key: the dimension's value, or `null` for "unknown" (and for the one group of an ungrouped query). */
export type GroupKey = string | null;

export function pickSegment(source: LeadSegment): LeadSegment {
  return { source: source.source, campaignId: source.campaignId, campusId: source.campusId, courseId: source.courseId };
}

export function matchesSegmentFilter(segment: LeadSegment, filter: SegmentFilter | undefined): boolean {
  if (!filter) return true;
  return (
    (filter.source === undefined || filter.source === segment.source) &&
    (filter.campaignId === undefined || filter.campaignId === segment.campaignId) &&
    (filter.campusId === undefined || filter.campusId === segment.campusId) &&
    (filter.courseId === undefined || filter.courseId === segment.courseId)
  );
}

export function getGroupKey(segment: LeadSegment, groupBy: SegmentDimension | undefined): GroupKey {
  return groupBy ? segment[groupBy] : null;
}

/**
 * Accumulators per group, created on first use.
 *
 * @example const groups = new GroupAccumulator(() => ({ n: 0 })); groups.get('wechat').n += 1;
 */
export class GroupAccumulator<T> {
  readonly #groups = new Map<GroupKey, T>();
  constructor(private readonly create: () => T) {}

  get(group: GroupKey): T {
    let value = this.#groups.get(group);
    if (value === undefined) {
      value = this.create();
      this.#groups.set(group, value);
    }
    return value;
  }

  /**
   * The groups in a stable order (by key, "unknown" last), leaving out groups whose figures are all
   * zero so that a direct computation and a rollup list the same groups. An ungrouped query always
   * has its one group, even when it is empty.
   */
  list(isGrouped: boolean, isZero: (value: T) => boolean): { group: GroupKey; value: T }[] {
    if (!isGrouped) return [{ group: null, value: this.get(null) }];
    return [...this.#groups.entries()]
      .filter(([, value]) => !isZero(value))
      .sort(([a], [b]) => compareGroupKeys(a, b))
      .map(([group, value]) => ({ group, value }));
  }
}

export function compareGroupKeys(a: GroupKey, b: GroupKey): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Leads by id; `getLead` throws for a row that names a lead the caller did not pass. */
export function indexLeads(leads: readonly AnalyticsLead[]): ReadonlyMap<string, AnalyticsLead> {
  return new Map(leads.map((lead) => [lead.id, lead]));
}

export function getLead(leads: ReadonlyMap<string, AnalyticsLead>, leadId: string): AnalyticsLead {
  const lead = leads.get(leadId);
  if (!lead) throw new Error(`analytics input names an unknown lead: ${leadId}`);
  return lead;
}

/**
 * Each lead's transitions in the order they happened: by time, ties kept in the order given (the
 * order the lifecycle machine recorded them in).
 */
export function groupTransitionsByLead(
  transitions: readonly AnalyticsTransition[],
): ReadonlyMap<string, AnalyticsTransition[]> {
  const byLead = new Map<string, AnalyticsTransition[]>();
  for (const transition of transitions) {
    const list = byLead.get(transition.leadId);
    if (list) list.push(transition);
    else byLead.set(transition.leadId, [transition]);
  }
  for (const list of byLead.values()) list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return byLead;
}

/**
 * Rows that name a lead (transitions, enrolments), each with its lead's segment attached: the
 * facts the rollups are built from, as the server has them when it writes the row.
 */
export function attachSegments<T extends { leadId: string }>(
  leads: readonly AnalyticsLead[],
  rows: readonly T[],
): (T & { segment: LeadSegment })[] {
  const byId = indexLeads(leads);
  return rows.map((row) => ({ ...row, segment: pickSegment(getLead(byId, row.leadId)) }));
}
