/**
 * Multi-touch attribution of enrolments to touchpoints (SPEC §2.6 "first touch, last touch,
 * linear, U-shaped"; issue 15 §1), by channel and by campaign.
 *
 * Definition. The touches of an enrolment are its lead's touchpoints that occurred within the
 * lookback window before it: `enrolledAt − lookbackDays × 24 h ≤ occurredAt < enrolledAt`, in time
 * order (ties by touchpoint id). Weights of the n touches:
 * - first touch: all on the first; last touch: all on the last; linear: 1/n each;
 * - U-shaped: 40% first, 40% last, the other 20% split evenly between the ones in between;
 *   one touch takes 100%, two take 50% each.
 * A touch's credit goes to its (channel, campaign) pair; the pairs' exact shares of the amount
 * are rounded to whole fen by `apportionFen` (largest remainder, ties to the pair touched first),
 * so the credits of an enrolment sum to its amount exactly, and so do totals by channel or by
 * campaign. An enrolment with no touch in the window is `unattributedFen`: credited + unattributed
 * = revenue, always.
 */
import { z } from 'zod';
import { apportionFen } from './apportion.js';
import { analyticsPeriodSchema, isDayInPeriod, type ShanghaiDay, toShanghaiDay } from './calendar.js';
import {
  type AnalyticsEnrolment,
  type AnalyticsLead,
  type AnalyticsTouchpoint,
  type LeadSegment,
  segmentFilterSchema,
} from './inputs.js';
import { divideOrNull } from './ratio.js';
import { buildRollupTable, type RollupRow, type RollupTable } from './rollup-table.js';
import { GroupAccumulator, type GroupKey, getLead, indexLeads, matchesSegmentFilter, pickSegment } from './segment.js';
import type { SegmentedEnrolment } from './value.js';

export const ATTRIBUTION_MODELS = ['first_touch', 'last_touch', 'linear', 'u_shaped'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

const DAY_MS = 86_400_000;

/** The lookback window is a setting of the rollup (its rows depend on it), not of one query. */
export const lookbackDaysSchema = z.number().int().min(1).max(365);

export const attributionQuerySchema = z.object({
  period: analyticsPeriodSchema,
  model: z.enum(ATTRIBUTION_MODELS),
  by: z.enum(['channel', 'campaign']),
  filter: segmentFilterSchema.optional(),
});
export type AttributionQuery = z.infer<typeof attributionQuerySchema>;

export interface TouchCredit {
  channel: string | null;
  campaignId: string | null;
  creditFen: number;
}

/** One enrolment and its credits under every model (empty lists when no touch was in the window). */
export interface EnrolmentCredits {
  enrolment: SegmentedEnrolment;
  credits: Record<AttributionModel, TouchCredit[]>;
}

export interface AttributionResult {
  /** Enrolment revenue in the period (of leads passing the filter) = credited + unattributed. */
  revenueFen: number;
  unattributedFen: number;
  /** By channel or campaign (null: touches without one), pairs that earned no fen left out. */
  groups: { group: GroupKey; creditFen: number; share: number | null }[];
}

export type AttributionRowKey = LeadSegment & {
  day: ShanghaiDay;
  model: AttributionModel;
  channel: string | null;
  touchCampaignId: string | null;
};
export type AttributionRowValue = { creditFen: number; unattributedFen: number };
export type AttributionRollup = RollupTable<AttributionRowKey, AttributionRowValue>;

/**
 * The integer weights of n touches in time order under a model (their sum is the denominator).
 *
 * @example getTouchWeights('u_shaped', 4) // [4, 1, 1, 4]: 40%, 10%, 10%, 40%
 */
export function getTouchWeights(model: AttributionModel, touches: number): number[] {
  if (touches <= 0) return [];
  const only = (i: number) => Array.from({ length: touches }, (_, j) => (j === i ? 1 : 0));
  switch (model) {
    case 'first_touch':
      return only(0);
    case 'last_touch':
      return only(touches - 1);
    case 'linear':
      return new Array<number>(touches).fill(1);
    case 'u_shaped':
      if (touches <= 2) return new Array<number>(touches).fill(1);
      // 2/5 at each end and 1/5 shared by the n − 2 between: 2(n−2) : 1 : … : 1 : 2(n−2), out of 5(n−2).
      return Array.from({ length: touches }, (_, i) => (i === 0 || i === touches - 1 ? 2 * (touches - 2) : 1));
    default: {
      const unreachable: never = model;
      throw new Error(`unknown attribution model: ${String(unreachable)}`);
    }
  }
}

/** The credits of one enrolment under every model, from its lead's touchpoints (any order, any time). */
export function creditEnrolment(
  enrolment: AnalyticsEnrolment,
  leadTouchpoints: readonly AnalyticsTouchpoint[],
  lookbackDays: number,
): Record<AttributionModel, TouchCredit[]> {
  const enrolledMs = Date.parse(enrolment.at);
  const touches = leadTouchpoints
    .filter((t) => {
      const ms = Date.parse(t.occurredAt);
      return t.leadId === enrolment.leadId && ms < enrolledMs && ms >= enrolledMs - lookbackDays * DAY_MS;
    })
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Pairs in order of their first touch: the tie-break of the rounding.
  const pairs = new Map<string, { channel: string | null; campaignId: string | null; index: number }>();
  const pairOfTouch = touches.map((t) => {
    const id = JSON.stringify([t.channel, t.campaignId]);
    const pair = pairs.get(id) ?? { channel: t.channel, campaignId: t.campaignId, index: pairs.size };
    pairs.set(id, pair);
    return pair.index;
  });
  const credit = (model: AttributionModel): TouchCredit[] => {
    if (touches.length === 0) return [];
    const weights = new Array<number>(pairs.size).fill(0);
    getTouchWeights(model, touches.length).forEach((weight, i) => {
      const pair = pairOfTouch[i] ?? 0;
      weights[pair] = (weights[pair] ?? 0) + weight;
    });
    const credits = apportionFen(enrolment.amountFen, weights);
    return [...pairs.values()].map(({ channel, campaignId, index }) => ({
      channel,
      campaignId,
      creditFen: credits[index] ?? 0,
    }));
  };
  return {
    first_touch: credit('first_touch'),
    last_touch: credit('last_touch'),
    linear: credit('linear'),
    u_shaped: credit('u_shaped'),
  };
}

/** Every enrolment's credits (a full refresh of the rollup). */
export function listEnrolmentCredits(
  input: {
    leads: readonly AnalyticsLead[];
    touchpoints: readonly AnalyticsTouchpoint[];
    enrolments: readonly AnalyticsEnrolment[];
  },
  lookbackDays: number,
): EnrolmentCredits[] {
  const leads = indexLeads(input.leads);
  const touchesByLead = new Map<string, AnalyticsTouchpoint[]>();
  for (const touch of input.touchpoints) {
    const list = touchesByLead.get(touch.leadId);
    if (list) list.push(touch);
    else touchesByLead.set(touch.leadId, [touch]);
  }
  return input.enrolments.map((enrolment) => ({
    enrolment: { ...enrolment, segment: pickSegment(getLead(leads, enrolment.leadId)) },
    credits: creditEnrolment(enrolment, touchesByLead.get(enrolment.leadId) ?? [], lookbackDays),
  }));
}

/** The rollup rows of one enrolment: its credit per model and pair, or its whole amount unattributed. */
export function listAttributionRows(entry: EnrolmentCredits): RollupRow<AttributionRowKey, AttributionRowValue>[] {
  const base = { ...pickSegment(entry.enrolment.segment), day: toShanghaiDay(entry.enrolment.at) };
  return ATTRIBUTION_MODELS.flatMap((model) => {
    const credits = entry.credits[model];
    if (credits.length === 0) {
      return [
        {
          key: { ...base, model, channel: null, touchCampaignId: null },
          value: { creditFen: 0, unattributedFen: entry.enrolment.amountFen },
        },
      ];
    }
    return credits.map((c) => ({
      key: { ...base, model, channel: c.channel, touchCampaignId: c.campaignId },
      value: { creditFen: c.creditFen, unattributedFen: 0 },
    }));
  });
}

export function rollupAttribution(entries: Iterable<EnrolmentCredits>): AttributionRollup {
  return buildRollupTable([...entries].flatMap(listAttributionRows));
}

/** Attribution computed directly: credit every enrolment of the period, sum by channel or campaign. */
export function computeAttribution(
  input: {
    leads: readonly AnalyticsLead[];
    touchpoints: readonly AnalyticsTouchpoint[];
    enrolments: readonly AnalyticsEnrolment[];
  },
  query: AttributionQuery & { lookbackDays: number },
): AttributionResult {
  const leads = indexLeads(input.leads);
  const groups = new GroupAccumulator(() => ({ creditFen: 0 }));
  let revenueFen = 0;
  let unattributedFen = 0;
  for (const enrolment of input.enrolments) {
    if (!isDayInPeriod(toShanghaiDay(enrolment.at), query.period)) continue;
    if (!matchesSegmentFilter(getLead(leads, enrolment.leadId), query.filter)) continue;
    revenueFen += enrolment.amountFen;
    const credits = creditEnrolment(enrolment, input.touchpoints, query.lookbackDays)[query.model];
    if (credits.length === 0) unattributedFen += enrolment.amountFen;
    for (const c of credits) groups.get(query.by === 'channel' ? c.channel : c.campaignId).creditFen += c.creditFen;
  }
  return listAttribution(groups, revenueFen, unattributedFen);
}

/** Attribution from the rollup: the period's rows of one model, summed by channel or campaign. */
export function finaliseAttribution(rollup: AttributionRollup, query: AttributionQuery): AttributionResult {
  const groups = new GroupAccumulator(() => ({ creditFen: 0 }));
  let revenueFen = 0;
  let unattributedFen = 0;
  for (const { key, value } of rollup.values()) {
    if (key.model !== query.model || !isDayInPeriod(key.day, query.period)) continue;
    if (!matchesSegmentFilter(key, query.filter)) continue;
    revenueFen += value.creditFen + value.unattributedFen;
    unattributedFen += value.unattributedFen;
    if (value.creditFen !== 0)
      groups.get(query.by === 'channel' ? key.channel : key.touchCampaignId).creditFen += value.creditFen;
  }
  return listAttribution(groups, revenueFen, unattributedFen);
}

function listAttribution(
  groups: GroupAccumulator<{ creditFen: number }>,
  revenueFen: number,
  unattributedFen: number,
): AttributionResult {
  return {
    revenueFen,
    unattributedFen,
    groups: groups
      .list(true, (g) => g.creditFen === 0)
      .map(({ group, value }) => ({
        group,
        creditFen: value.creditFen,
        share: divideOrNull(value.creditFen, revenueFen),
      })),
  };
}
