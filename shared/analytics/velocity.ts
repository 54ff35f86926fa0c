/**
 * Velocity (SPEC §2.6 "average and median days from each stage to the next, as a monthly time
 * series"; issue 15 §1): for each recorded move from a stage to the next one, the whole calendar
 * days (Asia/Shanghai) the lead spent in the stage it left. Moves are grouped by stage pair and by
 * visit — the lead's first stay in the stage it left, or a repeated one (ordinal ≥ 2, e.g. the
 * stay after MQL-02) — and by the month the move happened in, because that is when the duration
 * becomes known and can be counted incrementally.
 */
import type { z } from 'zod';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../lifecycle/stages.js';
import {
  countDaysBetween,
  isDayInPeriod,
  listPeriodMonths,
  type ShanghaiDay,
  type ShanghaiMonth,
  toShanghaiDay,
  toShanghaiMonth,
} from './calendar.js';
import { type DayStatistics, summariseDayCounts } from './day-counts.js';
import { type AnalyticsLead, type AnalyticsTransition, analyticsQuerySchema, type LeadSegment } from './inputs.js';
import { buildRollupTable, type RollupRow, type RollupTable } from './rollup-table.js';
import { getLead, groupTransitionsByLead, indexLeads, matchesSegmentFilter, pickSegment } from './segment.js';

export const STAGE_VISITS = ['first', 'repeat'] as const;
/** `first`: the stay after arrival 1 at the stage left; `repeat`: after arrival 2 or later (MQL-02). */
export type StageVisit = (typeof STAGE_VISITS)[number];

/** Velocity is not grouped: one line per stage pair and visit for the filtered leads. */
export const velocityQuerySchema = analyticsQuerySchema.omit({ groupBy: true });
export type VelocityQuery = z.infer<typeof velocityQuerySchema>;

export interface VelocityPoint extends DayStatistics {
  month: ShanghaiMonth;
}

/** One line of the velocity chart: a stage pair and visit, a point for every month of the period. */
export interface VelocitySeries {
  fromStage: LifecycleStage;
  toStage: LifecycleStage;
  visit: StageVisit;
  points: VelocityPoint[];
}

/**
 * One move out of a stage (the incremental fact): when the lead entered the stage it leaves (the
 * lead row's `lifecycle_stage_at`), which arrival that was (its `lifecycle_arrivals`), and when it
 * left. The server has all of it when it records the move.
 */
export interface StageStep {
  segment: LeadSegment;
  fromStage: LifecycleStage;
  toStage: LifecycleStage;
  fromOrdinal: number;
  enteredAt: string;
  leftAt: string;
}

/** Rollup rows: moves per day, pair, visit, segment — and the number of days as a key column (a histogram). */
export type VelocityRowKey = LeadSegment & {
  day: ShanghaiDay;
  fromStage: LifecycleStage;
  toStage: LifecycleStage;
  visit: StageVisit;
  days: number;
};
export type VelocityRowValue = { steps: number };
export type VelocityRollup = RollupTable<VelocityRowKey, VelocityRowValue>;

/** Velocity computed directly: pair each transition with the lead's previous one, list the days, sort. */
export function computeVelocity(
  input: { leads: readonly AnalyticsLead[]; transitions: readonly AnalyticsTransition[] },
  query: VelocityQuery,
): VelocitySeries[] {
  const leads = indexLeads(input.leads);
  const daysBySeries = new Map<
    string,
    { series: Omit<VelocitySeries, 'points'>; days: Map<ShanghaiMonth, number[]> }
  >();
  for (const [leadId, transitions] of groupTransitionsByLead(input.transitions)) {
    if (!matchesSegmentFilter(getLead(leads, leadId), query.filter)) continue;
    transitions.forEach((transition, i) => {
      const previous = transitions[i - 1];
      const day = toShanghaiDay(transition.at);
      if (!previous || !isDayInPeriod(day, query.period)) return;
      const series = {
        fromStage: previous.toStage,
        toStage: transition.toStage,
        visit: toStageVisit(previous.ordinal),
      };
      const id = encodeSeries(series);
      const entry = daysBySeries.get(id) ?? { series, days: new Map<ShanghaiMonth, number[]>() };
      daysBySeries.set(id, entry);
      const month = toShanghaiMonth(day);
      entry.days.set(month, [...(entry.days.get(month) ?? []), countDaysBetween(toShanghaiDay(previous.at), day)]);
    });
  }
  const months = listPeriodMonths(query.period);
  return sortSeries(
    [...daysBySeries.values()].map(({ series, days }) => ({
      ...series,
      points: months.map((month) => ({ month, ...summariseSortedDays(days.get(month) ?? []) })),
    })),
  );
}

/** The moves out of each stage, from every lead's transitions in order (a full refresh of the rollup). */
export function listStageSteps(
  leads: readonly AnalyticsLead[],
  transitions: readonly AnalyticsTransition[],
): StageStep[] {
  const byId = indexLeads(leads);
  const steps: StageStep[] = [];
  for (const [leadId, list] of groupTransitionsByLead(transitions)) {
    const segment = pickSegment(getLead(byId, leadId));
    for (let i = 1; i < list.length; i += 1) {
      const entered = list[i - 1];
      const left = list[i];
      if (!entered || !left) continue;
      steps.push({
        segment,
        fromStage: entered.toStage,
        toStage: left.toStage,
        fromOrdinal: entered.ordinal,
        enteredAt: entered.at,
        leftAt: left.at,
      });
    }
  }
  return steps;
}

export function listVelocityRows(step: StageStep): RollupRow<VelocityRowKey, VelocityRowValue> {
  const day = toShanghaiDay(step.leftAt);
  return {
    key: {
      ...pickSegment(step.segment),
      day,
      fromStage: step.fromStage,
      toStage: step.toStage,
      visit: toStageVisit(step.fromOrdinal),
      days: countDaysBetween(toShanghaiDay(step.enteredAt), day),
    },
    value: { steps: 1 },
  };
}

export function rollupVelocity(steps: Iterable<StageStep>): VelocityRollup {
  return buildRollupTable([...steps].map(listVelocityRows));
}

/** Velocity from the rollup: the day histograms of each pair, visit and month, summarised. */
export function finaliseVelocity(rollup: VelocityRollup, query: VelocityQuery): VelocitySeries[] {
  const histograms = new Map<
    string,
    { series: Omit<VelocitySeries, 'points'>; counts: Map<string, Map<number, number>> }
  >();
  for (const { key, value } of rollup.values()) {
    if (!isDayInPeriod(key.day, query.period) || !matchesSegmentFilter(key, query.filter)) continue;
    const series = { fromStage: key.fromStage, toStage: key.toStage, visit: key.visit };
    const id = encodeSeries(series);
    const entry = histograms.get(id) ?? { series, counts: new Map<string, Map<number, number>>() };
    histograms.set(id, entry);
    const month = toShanghaiMonth(key.day);
    const counts = entry.counts.get(month) ?? new Map<number, number>();
    entry.counts.set(month, counts);
    counts.set(key.days, (counts.get(key.days) ?? 0) + value.steps);
  }
  const months = listPeriodMonths(query.period);
  return sortSeries(
    [...histograms.values()]
      .map(({ series, counts }) => ({
        ...series,
        points: months.map((month) => ({ month, ...summariseDayCounts(counts.get(month) ?? new Map()) })),
      }))
      .filter((series) => series.points.some((point) => point.count > 0)),
  );
}

function toStageVisit(ordinal: number): StageVisit {
  return ordinal >= 2 ? 'repeat' : 'first';
}

function encodeSeries(series: Omit<VelocitySeries, 'points'>): string {
  return `${series.fromStage}>${series.toStage}:${series.visit}`;
}

/** The reference statistics: mean, and the median of the sorted list. */
function summariseSortedDays(days: readonly number[]): DayStatistics {
  if (days.length === 0) return { count: 0, averageDays: null, medianDays: null };
  const sorted = [...days].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  const median = ((sorted[Math.floor(middle)] ?? 0) + (sorted[Math.ceil(middle)] ?? 0)) / 2;
  return { count: days.length, averageDays: days.reduce((a, b) => a + b, 0) / days.length, medianDays: median };
}

/** Series in funnel order of the stage left, then of the stage reached, first visits before repeats. */
function sortSeries(series: VelocitySeries[]): VelocitySeries[] {
  const rank = (stage: LifecycleStage) => LIFECYCLE_STAGES.indexOf(stage);
  return series.sort(
    (a, b) =>
      rank(a.fromStage) - rank(b.fromStage) ||
      rank(a.toStage) - rank(b.toStage) ||
      STAGE_VISITS.indexOf(a.visit) - STAGE_VISITS.indexOf(b.visit),
  );
}
