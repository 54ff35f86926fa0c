/**
 * Value (SPEC §2.6 "enrolment revenue, lifetime value per … source"; issue 15 §1 "enrolment
 * revenue and count, average order, revenue per lead by source"). Definitions, per group:
 * - `revenueFen`, `enrolments`: enrolments dated in the period, by leads of the group;
 * - `averageOrderFen` = revenueFen / enrolments (null without enrolments);
 * - `newLeads`: leads of the group created in the period;
 *   `revenuePerLeadFen` = revenueFen / newLeads (null without new leads) — a period ratio, the
 *   revenue a period brought against the leads it brought, not a cohort's;
 * - `lifetimeValuePerLeadFen`: all revenue up to the period's last day / all leads created up to
 *   it — what a lead of the group has been worth so far.
 */
import { isDayInPeriod, type ShanghaiDay, toShanghaiDay } from './calendar.js';
import type { AnalyticsEnrolment, AnalyticsLead, AnalyticsQuery, LeadSegment } from './inputs.js';
import { divideOrNull } from './ratio.js';
import { buildRollupTable, type RollupRow, type RollupTable } from './rollup-table.js';
import {
  GroupAccumulator,
  type GroupKey,
  getGroupKey,
  getLead,
  indexLeads,
  matchesSegmentFilter,
  pickSegment,
} from './segment.js';

export interface GroupValue {
  group: GroupKey;
  revenueFen: number;
  enrolments: number;
  averageOrderFen: number | null;
  newLeads: number;
  revenuePerLeadFen: number | null;
  lifetimeRevenueFen: number;
  lifetimeLeads: number;
  lifetimeValuePerLeadFen: number | null;
}

/** An enrolment with its lead's segment, as the server records it. */
export interface SegmentedEnrolment extends AnalyticsEnrolment {
  segment: LeadSegment;
}

export type ValueRowKey = LeadSegment & { day: ShanghaiDay };
export type ValueRowValue = { newLeads: number; enrolments: number; revenueFen: number };
export type ValueRollup = RollupTable<ValueRowKey, ValueRowValue>;

type ValueSums = { [K in keyof ValueRowValue]: number } & { lifetimeLeads: number; lifetimeRevenueFen: number };

/** Value computed directly from leads and enrolments. */
export function computeValue(
  input: { leads: readonly AnalyticsLead[]; enrolments: readonly AnalyticsEnrolment[] },
  query: AnalyticsQuery,
): GroupValue[] {
  const groups = new GroupAccumulator(createValueSums);
  const { toDay } = query.period;
  for (const lead of input.leads) {
    if (!matchesSegmentFilter(lead, query.filter)) continue;
    const day = toShanghaiDay(lead.createdAt);
    const sums = groups.get(getGroupKey(lead, query.groupBy));
    if (day <= toDay) sums.lifetimeLeads += 1;
    if (isDayInPeriod(day, query.period)) sums.newLeads += 1;
  }
  const leads = indexLeads(input.leads);
  for (const enrolment of input.enrolments) {
    const lead = getLead(leads, enrolment.leadId);
    if (!matchesSegmentFilter(lead, query.filter)) continue;
    const day = toShanghaiDay(enrolment.at);
    const sums = groups.get(getGroupKey(lead, query.groupBy));
    if (day <= toDay) sums.lifetimeRevenueFen += enrolment.amountFen;
    if (!isDayInPeriod(day, query.period)) continue;
    sums.enrolments += 1;
    sums.revenueFen += enrolment.amountFen;
  }
  return listValueGroups(groups, query);
}

/** The rollup row of a new lead: one more lead on the day it was created. */
export function toLeadValueRow(lead: AnalyticsLead): RollupRow<ValueRowKey, ValueRowValue> {
  return {
    key: { ...pickSegment(lead), day: toShanghaiDay(lead.createdAt) },
    value: { newLeads: 1, enrolments: 0, revenueFen: 0 },
  };
}

/** The rollup row of an enrolment: its amount on the day it was recorded. */
export function toEnrolmentValueRow(enrolment: SegmentedEnrolment): RollupRow<ValueRowKey, ValueRowValue> {
  return {
    key: { ...pickSegment(enrolment.segment), day: toShanghaiDay(enrolment.at) },
    value: { newLeads: 0, enrolments: 1, revenueFen: enrolment.amountFen },
  };
}

export function rollupValue(facts: {
  leads: Iterable<AnalyticsLead>;
  enrolments: Iterable<SegmentedEnrolment>;
}): ValueRollup {
  return buildRollupTable([...[...facts.leads].map(toLeadValueRow), ...[...facts.enrolments].map(toEnrolmentValueRow)]);
}

/** Value from the rollup: period sums, and running sums up to the last day for lifetime value. */
export function finaliseValue(rollup: ValueRollup, query: AnalyticsQuery): GroupValue[] {
  const groups = new GroupAccumulator(createValueSums);
  for (const { key, value } of rollup.values()) {
    if (key.day > query.period.toDay || !matchesSegmentFilter(key, query.filter)) continue;
    const sums = groups.get(getGroupKey(key, query.groupBy));
    sums.lifetimeLeads += value.newLeads;
    sums.lifetimeRevenueFen += value.revenueFen;
    if (key.day < query.period.fromDay) continue;
    sums.newLeads += value.newLeads;
    sums.enrolments += value.enrolments;
    sums.revenueFen += value.revenueFen;
  }
  return listValueGroups(groups, query);
}

function createValueSums(): ValueSums {
  return { newLeads: 0, enrolments: 0, revenueFen: 0, lifetimeLeads: 0, lifetimeRevenueFen: 0 };
}

function listValueGroups(groups: GroupAccumulator<ValueSums>, query: AnalyticsQuery): GroupValue[] {
  return groups
    .list(query.groupBy !== undefined, (sums) => Object.values(sums).every((n) => n === 0))
    .map(({ group, value: sums }) => ({
      group,
      revenueFen: sums.revenueFen,
      enrolments: sums.enrolments,
      averageOrderFen: divideOrNull(sums.revenueFen, sums.enrolments),
      newLeads: sums.newLeads,
      revenuePerLeadFen: divideOrNull(sums.revenueFen, sums.newLeads),
      lifetimeRevenueFen: sums.lifetimeRevenueFen,
      lifetimeLeads: sums.lifetimeLeads,
      lifetimeValuePerLeadFen: divideOrNull(sums.lifetimeRevenueFen, sums.lifetimeLeads),
    }));
}
