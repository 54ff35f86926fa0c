/**
 * Effectiveness (SPEC §2.6 "conversion rate from each stage to the next"; issue 15 §1 "cohort by
 * month of entry, and per source and campaign").
 *
 * Definition. The funnel is `FUNNEL_STAGES` in order (the nine lifecycle stages, then advocate;
 * dormant is off the funnel). The cohort of a stage S is the leads whose FIRST arrival at S
 * (ordinal 1) falls in the period, bucketed by its month. Such a lead converts from S when it
 * arrives at any stage later in the funnel than S — the next one or one beyond it, so a lead that
 * skips a stage still converts — at or after the moment it entered S, within `horizonDays` whole
 * calendar days (Asia/Shanghai) of that entry. Arrivals at the same instant count, as happens when
 * one event moves a lead twice. A conversion observed later than the horizon does not count, so a
 * cohort's rate is final once its last day plus the horizon has passed (`isMature`).
 */
import { z } from 'zod';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../lifecycle/stages.js';
import {
  addDays,
  countDaysBetween,
  getLastDayOfMonth,
  isDayInPeriod,
  listPeriodMonths,
  type ShanghaiDay,
  type ShanghaiMonth,
  toShanghaiDay,
  toShanghaiMonth,
} from './calendar.js';
import { type AnalyticsLead, type AnalyticsTransition, analyticsQuerySchema, type LeadSegment } from './inputs.js';
import { divideOrNull } from './ratio.js';
import { buildRollupTable, type RollupRow, type RollupTable } from './rollup-table.js';
import {
  GroupAccumulator,
  type GroupKey,
  getGroupKey,
  getLead,
  groupTransitionsByLead,
  indexLeads,
  matchesSegmentFilter,
  pickSegment,
} from './segment.js';

/** The funnel order (SPEC §2.2): the nine stages, then advocate. */
export const FUNNEL_STAGES: readonly LifecycleStage[] = LIFECYCLE_STAGES.filter((stage) => stage !== 'dormant');

/** What a manager asks for: cohorts of the period, and the horizon in days (issue 15 "within a horizon"). */
export const effectivenessQuerySchema = analyticsQuerySchema.extend({
  horizonDays: z.number().int().min(0).max(365),
});
export type EffectivenessQuery = z.infer<typeof effectivenessQuerySchema> & {
  /** Today in Shanghai (from the caller's clock): decides which cohorts are mature. */
  asOfDay: ShanghaiDay;
};

export interface StageConversion {
  stage: LifecycleStage;
  nextStage: LifecycleStage;
  entered: number;
  converted: number;
  /** converted / entered; null for an empty cohort. */
  rate: number | null;
}

export interface CohortConversion {
  month: ShanghaiMonth;
  isMature: boolean;
  stages: StageConversion[];
}

export interface GroupConversion {
  group: GroupKey;
  /** The whole period, every month's cohort together. */
  total: CohortConversion & { month: 'total' };
  months: CohortConversion[];
}

/** One lead's first arrival at a funnel stage and its first later arrival further down the funnel. */
export interface CohortEntry {
  segment: LeadSegment;
  stage: LifecycleStage;
  enteredAt: string;
  /** Null while the lead has not converted. */
  convertedAt: string | null;
}

/** Rollup rows: cohort entries per day, stage and segment, with the whole days to convert as a key column (null: not yet). */
export type EffectivenessRowKey = LeadSegment & {
  day: ShanghaiDay;
  stage: LifecycleStage;
  daysToConvert: number | null;
};
export type EffectivenessRowValue = { leads: number };
export type EffectivenessRollup = RollupTable<EffectivenessRowKey, EffectivenessRowValue>;

type Counts = { entered: number; converted: number };
type CohortCounts = Map<ShanghaiMonth, Map<LifecycleStage, Counts>>;

/** Effectiveness computed directly: for each cohort entry, is there a further funnel arrival within the horizon? */
export function computeEffectiveness(
  input: { leads: readonly AnalyticsLead[]; transitions: readonly AnalyticsTransition[] },
  query: EffectivenessQuery,
): GroupConversion[] {
  const leads = indexLeads(input.leads);
  const groups = new GroupAccumulator<CohortCounts>(() => new Map());
  for (const [leadId, transitions] of groupTransitionsByLead(input.transitions)) {
    const lead = getLead(leads, leadId);
    if (!matchesSegmentFilter(lead, query.filter)) continue;
    for (const entry of transitions) {
      const day = toShanghaiDay(entry.at);
      if (entry.ordinal !== 1 || !hasNextFunnelStage(entry.toStage) || !isDayInPeriod(day, query.period)) continue;
      const lastDay = addDays(day, query.horizonDays);
      const isConverted = transitions.some(
        (later) =>
          getFunnelRank(later.toStage) > getFunnelRank(entry.toStage) &&
          Date.parse(later.at) >= Date.parse(entry.at) &&
          toShanghaiDay(later.at) <= lastDay,
      );
      addCounts(groups.get(getGroupKey(lead, query.groupBy)), day, entry.toStage, 1, isConverted ? 1 : 0);
    }
  }
  return listConversionGroups(groups, query);
}

/** Every cohort entry with its conversion so far (a full refresh of the rollup). */
export function listCohortEntries(
  leads: readonly AnalyticsLead[],
  transitions: readonly AnalyticsTransition[],
): CohortEntry[] {
  const byId = indexLeads(leads);
  const entries: CohortEntry[] = [];
  for (const [leadId, list] of groupTransitionsByLead(transitions)) {
    const segment = pickSegment(getLead(byId, leadId));
    for (const entry of list) {
      if (entry.ordinal !== 1 || !hasNextFunnelStage(entry.toStage)) continue;
      const enteredMs = Date.parse(entry.at);
      // Sorted by time, so the first match is the earliest conversion.
      const conversion = list.find(
        (later) => Date.parse(later.at) >= enteredMs && getFunnelRank(later.toStage) > getFunnelRank(entry.toStage),
      );
      entries.push({ segment, stage: entry.toStage, enteredAt: entry.at, convertedAt: conversion?.at ?? null });
    }
  }
  return entries;
}

/**
 * The rollup row of a cohort entry. When the lead converts, the server retracts the row it wrote
 * at entry (`daysToConvert: null`) and adds the converted one.
 */
export function toEffectivenessRow(entry: CohortEntry): RollupRow<EffectivenessRowKey, EffectivenessRowValue> {
  const day = toShanghaiDay(entry.enteredAt);
  const daysToConvert = entry.convertedAt === null ? null : countDaysBetween(day, toShanghaiDay(entry.convertedAt));
  return { key: { ...pickSegment(entry.segment), day, stage: entry.stage, daysToConvert }, value: { leads: 1 } };
}

export function rollupEffectiveness(entries: Iterable<CohortEntry>): EffectivenessRollup {
  return buildRollupTable([...entries].map(toEffectivenessRow));
}

/** Effectiveness from the rollup: converted = entries whose days to convert are within the horizon. */
export function finaliseEffectiveness(rollup: EffectivenessRollup, query: EffectivenessQuery): GroupConversion[] {
  const groups = new GroupAccumulator<CohortCounts>(() => new Map());
  for (const { key, value } of rollup.values()) {
    if (!isDayInPeriod(key.day, query.period) || !matchesSegmentFilter(key, query.filter)) continue;
    const isConverted = key.daysToConvert !== null && key.daysToConvert <= query.horizonDays;
    addCounts(
      groups.get(getGroupKey(key, query.groupBy)),
      key.day,
      key.stage,
      value.leads,
      isConverted ? value.leads : 0,
    );
  }
  return listConversionGroups(groups, query);
}

export function getFunnelRank(stage: LifecycleStage): number {
  return FUNNEL_STAGES.indexOf(stage);
}

function hasNextFunnelStage(stage: LifecycleStage): boolean {
  const rank = getFunnelRank(stage);
  return rank >= 0 && rank < FUNNEL_STAGES.length - 1;
}

function addCounts(cohorts: CohortCounts, day: ShanghaiDay, stage: LifecycleStage, entered: number, converted: number) {
  const month = toShanghaiMonth(day);
  const stages = cohorts.get(month) ?? new Map<LifecycleStage, Counts>();
  cohorts.set(month, stages);
  const counts = stages.get(stage) ?? { entered: 0, converted: 0 };
  stages.set(stage, { entered: counts.entered + entered, converted: counts.converted + converted });
}

function listConversionGroups(groups: GroupAccumulator<CohortCounts>, query: EffectivenessQuery): GroupConversion[] {
  const months = listPeriodMonths(query.period);
  const isMature = (lastDay: ShanghaiDay) => addDays(lastDay, query.horizonDays) <= query.asOfDay;
  return groups
    .list(query.groupBy !== undefined, (cohorts) => cohorts.size === 0)
    .map(({ group, value: cohorts }) => {
      const total = new Map<LifecycleStage, Counts>();
      for (const stages of cohorts.values()) {
        for (const [stage, counts] of stages) {
          const sum = total.get(stage) ?? { entered: 0, converted: 0 };
          total.set(stage, { entered: sum.entered + counts.entered, converted: sum.converted + counts.converted });
        }
      }
      return {
        group,
        total: { month: 'total' as const, isMature: isMature(query.period.toDay), stages: listStageConversions(total) },
        months: months.map((month) => ({
          month,
          isMature: isMature(minDay(getLastDayOfMonth(month), query.period.toDay)),
          stages: listStageConversions(cohorts.get(month) ?? new Map()),
        })),
      };
    });
}

function listStageConversions(counts: ReadonlyMap<LifecycleStage, Counts>): StageConversion[] {
  return FUNNEL_STAGES.slice(0, -1).map((stage, i) => {
    const { entered, converted } = counts.get(stage) ?? { entered: 0, converted: 0 };
    return {
      stage,
      nextStage: FUNNEL_STAGES[i + 1] ?? stage,
      entered,
      converted,
      rate: divideOrNull(converted, entered),
    };
  });
}

function minDay(a: ShanghaiDay, b: ShanghaiDay): ShanghaiDay {
  return a < b ? a : b;
}
