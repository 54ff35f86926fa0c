/**
 * Efficiency (SPEC §2.6 "cost per lead / MQL / customer and ROI per campaign, from campaign costs
 * entered by a manager"; issue 15 §1). Per campaign (matched against a lead's first-touch
 * campaign) or per channel (matched against a lead's source), over the period:
 * - `costFen`: the cost entries' shares of the period. An entry is spread over its days in whole
 *   fen by `apportionFen` with equal weights — the first `amountFen mod days` days get one fen more —
 *   so a period that cuts an entry takes exactly the fen of its own days, and parts never drift;
 * - `newLeads`, `mqls`, `customers`: leads of the target created, first arrived at MQL (MQL-01),
 *   first arrived at customer (CUS-01) in the period; `revenueFen`: their enrolments in it;
 * - `costPerLeadFen` = costFen / newLeads, likewise per MQL and per customer: null when the count
 *   is zero (no leads bought nothing, it is undefined, not zero);
 * - `roi` = (revenueFen − costFen) / costFen: null when costFen is zero (nothing was spent).
 * Costs are entered per campaign or channel only, so campus and course filters do not apply here.
 */
import { z } from 'zod';
import { apportionFen } from './apportion.js';
import {
  type AnalyticsPeriod,
  addDays,
  analyticsPeriodSchema,
  countDaysBetween,
  isDayInPeriod,
  type ShanghaiDay,
  toShanghaiDay,
} from './calendar.js';
import {
  type AnalyticsEnrolment,
  type AnalyticsLead,
  type AnalyticsTransition,
  COST_TARGET_KINDS,
  type CostEntry,
  type CostTargetKind,
  type SegmentDimension,
} from './inputs.js';
import { divideOrNull } from './ratio.js';
import { buildRollupTable, type RollupRow, type RollupTable } from './rollup-table.js';
import { GroupAccumulator, type GroupKey, getLead, indexLeads } from './segment.js';
import { computeValue, finaliseValue, type ValueRollup } from './value.js';
import { finaliseVolume, type VolumeResult, type VolumeRollup } from './volume.js';

export const efficiencyQuerySchema = z.object({ period: analyticsPeriodSchema, by: z.enum(COST_TARGET_KINDS) });
export type EfficiencyQuery = z.infer<typeof efficiencyQuerySchema>;

export interface TargetEfficiency {
  /** The campaign id or channel; null for leads with none (they carry no cost). */
  target: GroupKey;
  costFen: number;
  newLeads: number;
  mqls: number;
  customers: number;
  revenueFen: number;
  costPerLeadFen: number | null;
  costPerMqlFen: number | null;
  costPerCustomerFen: number | null;
  roi: number | null;
}

export type CostRowKey = { day: ShanghaiDay; targetKind: CostTargetKind; target: string };
export type CostRowValue = { costFen: number };
export type CostRollup = RollupTable<CostRowKey, CostRowValue>;

type Sums = Pick<TargetEfficiency, 'costFen' | 'newLeads' | 'mqls' | 'customers' | 'revenueFen'>;

/** Efficiency computed directly from leads, transitions, enrolments and cost entries. */
export function computeEfficiency(
  input: {
    leads: readonly AnalyticsLead[];
    transitions: readonly AnalyticsTransition[];
    enrolments: readonly AnalyticsEnrolment[];
    costs: readonly CostEntry[];
  },
  query: EfficiencyQuery,
): TargetEfficiency[] {
  const groupBy = toSegmentDimension(query.by);
  const sums = new GroupAccumulator(createSums);
  for (const entry of input.costs) {
    if (entry.targetKind === query.by) sums.get(entry.target).costFen += getCostInPeriod(entry, query.period);
  }
  const leads = indexLeads(input.leads);
  for (const transition of input.transitions) {
    // The count of first arrivals is the volume measure's; stated again here as the full-scan reference.
    if (transition.ordinal !== 1 || !isDayInPeriod(toShanghaiDay(transition.at), query.period)) continue;
    const target = getLead(leads, transition.leadId)[groupBy];
    if (transition.toStage === 'mql') sums.get(target).mqls += 1;
    if (transition.toStage === 'customer') sums.get(target).customers += 1;
  }
  for (const value of computeValue(input, { period: query.period, groupBy })) {
    sums.get(value.group).newLeads += value.newLeads;
    sums.get(value.group).revenueFen += value.revenueFen;
  }
  return listEfficiency(sums);
}

/** The rollup rows of a cost entry: its amount spread over its days in whole fen. */
export function listCostRows(entry: CostEntry): RollupRow<CostRowKey, CostRowValue>[] {
  const days = countDaysBetween(entry.fromDay, entry.toDay) + 1;
  return apportionFen(entry.amountFen, new Array<number>(days).fill(1)).map((costFen, i) => ({
    key: { day: addDays(entry.fromDay, i), targetKind: entry.targetKind, target: entry.target },
    value: { costFen },
  }));
}

export function rollupCosts(entries: Iterable<CostEntry>): CostRollup {
  return buildRollupTable([...entries].flatMap(listCostRows));
}

/** Efficiency from the cost rollup with the value and volume rollups of the same period. */
export function finaliseEfficiency(
  rollups: { costs: CostRollup; value: ValueRollup; volume: VolumeRollup },
  query: EfficiencyQuery,
): TargetEfficiency[] {
  const groupBy = toSegmentDimension(query.by);
  const sums = new GroupAccumulator(createSums);
  for (const { key, value } of rollups.costs.values()) {
    if (key.targetKind === query.by && isDayInPeriod(key.day, query.period))
      sums.get(key.target).costFen += value.costFen;
  }
  addFirstArrivals(sums, finaliseVolume(rollups.volume, { period: query.period, groupBy }));
  for (const value of finaliseValue(rollups.value, { period: query.period, groupBy })) {
    sums.get(value.group).newLeads += value.newLeads;
    sums.get(value.group).revenueFen += value.revenueFen;
  }
  return listEfficiency(sums);
}

/**
 * The share of a cost entry that falls in the period, by arithmetic rather than by listing days:
 * `base = ⌊amount / days⌋` on every overlapping day, plus one fen on those of the first
 * `amount mod days` days that overlap.
 */
export function getCostInPeriod(entry: CostEntry, period: AnalyticsPeriod): number {
  const days = countDaysBetween(entry.fromDay, entry.toDay) + 1;
  const first = Math.max(0, countDaysBetween(entry.fromDay, period.fromDay));
  const last = Math.min(days - 1, countDaysBetween(entry.fromDay, period.toDay));
  if (first > last) return 0;
  const extra = entry.amountFen % days;
  const base = (entry.amountFen - extra) / days;
  return base * (last - first + 1) + Math.max(0, Math.min(last, extra - 1) - first + 1);
}

/** MQLs and customers are the volume measure's first arrivals at those stages. */
function addFirstArrivals(sums: GroupAccumulator<Sums>, volume: VolumeResult): void {
  for (const { group, stages } of volume.groups) {
    for (const stage of stages) {
      if (stage.stage === 'mql') sums.get(group).mqls += stage.firstArrivals;
      if (stage.stage === 'customer') sums.get(group).customers += stage.firstArrivals;
    }
  }
}

function toSegmentDimension(by: CostTargetKind): SegmentDimension {
  return by === 'campaign' ? 'campaignId' : 'source';
}

function createSums(): Sums {
  return { costFen: 0, newLeads: 0, mqls: 0, customers: 0, revenueFen: 0 };
}

function listEfficiency(sums: GroupAccumulator<Sums>): TargetEfficiency[] {
  return sums
    .list(true, (s) => Object.values(s).every((n) => n === 0))
    .map(({ group, value: s }) => ({
      target: group,
      ...s,
      costPerLeadFen: divideOrNull(s.costFen, s.newLeads),
      costPerMqlFen: divideOrNull(s.costFen, s.mqls),
      costPerCustomerFen: divideOrNull(s.costFen, s.customers),
      roi: divideOrNull(s.revenueFen - s.costFen, s.costFen),
    }));
}
