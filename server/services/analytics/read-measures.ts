/**
 * The dashboard's measures (issue 15 §1) from the rollups: the period's rows summed in SQL
 * (db/queries/analytics-read.ts), then finalised by the one definition in shared/analytics.
 */
import {
  type AnalyticsAttributionQuery,
  type AnalyticsAttributionResponse,
  type AnalyticsEffectivenessQuery,
  type AnalyticsEffectivenessResponse,
  type AnalyticsEfficiencyQuery,
  type AnalyticsEfficiencyResponse,
  type AnalyticsSegmentQuery,
  type AnalyticsValueResponse,
  type AnalyticsVelocityQuery,
  type AnalyticsVelocityResponse,
  type AnalyticsVolumeResponse,
  type AttributionModel,
  buildRollupTable,
  type CostEntry,
  finaliseAttribution,
  finaliseEffectiveness,
  finaliseEfficiency,
  finaliseValue,
  finaliseVelocity,
  finaliseVolume,
  type LeadSegment,
  type LifecycleStage,
  rollupCosts,
  type SegmentDimension,
  type StageVisit,
  toShanghaiDay,
} from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/client.js';
import {
  type RollupScope,
  readAttributionRows,
  readCohortRows,
  readValueRows,
  readVelocityRows,
  readVolumeRows,
} from '../../db/queries/analytics-read.js';
import { listCostEntriesOverlapping } from '../../db/queries/marketing-costs.js';
import { DEFAULT_LOOKBACK_DAYS, readFoldState } from './fold-analytics.js';

type ReadContext = Pick<AppContext, 'db' | 'now'>;
type CampusIds = RollupScope['campusIds'];

const NO_SEGMENT: LeadSegment = { source: null, campaignId: null, campusId: null, courseId: null };

/** A segment that carries only the grouped dimension's value (what finalise groups by). */
function groupedSegment(groupBy: SegmentDimension | undefined, group: string | null): LeadSegment {
  return groupBy ? { ...NO_SEGMENT, [groupBy]: group } : NO_SEGMENT;
}

function toScope(query: { fromDay: string; toDay: string } & Partial<LeadSegment>, campusIds: CampusIds): RollupScope {
  const { fromDay, toDay, source, campaignId, campusId, courseId } = query;
  return { fromDay, toDay, campusIds, filter: { source, campaignId, campusId, courseId } };
}

async function freshness(db: Database) {
  const state = await readFoldState(db);
  return { updatedAt: state ? state.watermark.toISOString() : null, lookbackDays: state?.lookbackDays };
}

export async function readVolume(
  ctx: ReadContext,
  query: AnalyticsSegmentQuery,
  campusIds: CampusIds,
): Promise<AnalyticsVolumeResponse> {
  const rows = await readVolumeRows(ctx.db, toScope(query, campusIds), query.groupBy);
  const rollup = buildRollupTable(
    rows.map((r) => ({
      key: { ...groupedSegment(query.groupBy, r.grp), day: r.day, stage: r.stage as LifecycleStage },
      value: { arrivals: r.a, firstArrivals: r.f, departures: r.d },
    })),
  );
  const period = { fromDay: query.fromDay, toDay: query.toDay };
  return {
    updatedAt: (await freshness(ctx.db)).updatedAt,
    ...finaliseVolume(rollup, { period, groupBy: query.groupBy }),
  };
}

export async function readVelocity(
  ctx: ReadContext,
  query: AnalyticsVelocityQuery,
  campusIds: CampusIds,
): Promise<AnalyticsVelocityResponse> {
  const rows = await readVelocityRows(ctx.db, toScope(query, campusIds));
  const rollup = buildRollupTable(
    rows.map((r) => ({
      key: {
        ...NO_SEGMENT,
        day: r.day,
        fromStage: r.from_stage as LifecycleStage,
        toStage: r.to_stage as LifecycleStage,
        visit: r.visit as StageVisit,
        days: r.days,
      },
      value: { steps: r.n },
    })),
  );
  const period = { fromDay: query.fromDay, toDay: query.toDay };
  return { updatedAt: (await freshness(ctx.db)).updatedAt, series: finaliseVelocity(rollup, { period }) };
}

export async function readValue(
  ctx: ReadContext,
  query: AnalyticsSegmentQuery,
  campusIds: CampusIds,
): Promise<AnalyticsValueResponse> {
  const rows = await readValueRows(ctx.db, toScope(query, campusIds), query.groupBy);
  const rollup = buildRollupTable(
    rows.map((r) => ({
      key: { ...groupedSegment(query.groupBy, r.grp), day: r.day },
      value: { newLeads: r.l, enrolments: r.e, revenueFen: r.r },
    })),
  );
  const period = { fromDay: query.fromDay, toDay: query.toDay };
  return {
    updatedAt: (await freshness(ctx.db)).updatedAt,
    groups: finaliseValue(rollup, { period, groupBy: query.groupBy }),
  };
}

export async function readEffectiveness(
  ctx: ReadContext,
  query: AnalyticsEffectivenessQuery,
  campusIds: CampusIds,
): Promise<AnalyticsEffectivenessResponse> {
  const rows = await readCohortRows(ctx.db, toScope(query, campusIds), query.groupBy);
  const rollup = buildRollupTable(
    rows.map((r) => ({
      key: {
        ...groupedSegment(query.groupBy, r.grp),
        day: r.day,
        stage: r.stage as LifecycleStage,
        daysToConvert: r.days_to_convert,
      },
      value: { leads: r.n },
    })),
  );
  const groups = finaliseEffectiveness(rollup, {
    period: { fromDay: query.fromDay, toDay: query.toDay },
    groupBy: query.groupBy,
    horizonDays: query.horizonDays,
    asOfDay: toShanghaiDay(ctx.now().toISOString()),
  });
  return { updatedAt: (await freshness(ctx.db)).updatedAt, groups };
}

/**
 * Efficiency per campaign or channel: the costs entered, spread over their days, with the value
 * and volume rollups grouped by the lead's first-touch campaign or source. Costs are not kept per
 * campus, so a campus manager sees the leads and revenue of their campuses against the whole cost.
 */
export async function readEfficiency(
  ctx: ReadContext,
  query: AnalyticsEfficiencyQuery,
  campusIds: CampusIds,
): Promise<AnalyticsEfficiencyResponse> {
  const groupBy: SegmentDimension = query.by === 'campaign' ? 'campaignId' : 'source';
  const scope = toScope(query, campusIds);
  const [volumeRows, valueRows, costs] = await Promise.all([
    readVolumeRows(ctx.db, scope, groupBy),
    readValueRows(ctx.db, scope, groupBy),
    listCostEntriesOverlapping(ctx.db, query),
  ]);
  const volume = buildRollupTable(
    volumeRows.map((r) => ({
      key: { ...groupedSegment(groupBy, r.grp), day: r.day, stage: r.stage as LifecycleStage },
      value: { arrivals: r.a, firstArrivals: r.f, departures: r.d },
    })),
  );
  const value = buildRollupTable(
    valueRows.map((r) => ({
      key: { ...groupedSegment(groupBy, r.grp), day: r.day },
      value: { newLeads: r.l, enrolments: r.e, revenueFen: r.r },
    })),
  );
  const targets = finaliseEfficiency(
    { costs: rollupCosts(costs satisfies CostEntry[]), value, volume },
    { period: { fromDay: query.fromDay, toDay: query.toDay }, by: query.by },
  );
  return { updatedAt: (await freshness(ctx.db)).updatedAt, targets };
}

export async function readAttribution(
  ctx: ReadContext,
  query: AnalyticsAttributionQuery,
  campusIds: CampusIds,
): Promise<AnalyticsAttributionResponse> {
  const rows = await readAttributionRows(ctx.db, toScope(query, campusIds), query.model, query.by);
  const period = { fromDay: query.fromDay, toDay: query.toDay };
  // Every row is in the period and of the model: one row per group, keyed by the group alone.
  const rollup = buildRollupTable(
    rows.map((r) => ({
      key: {
        ...NO_SEGMENT,
        day: query.fromDay,
        model: query.model as AttributionModel,
        channel: query.by === 'channel' ? r.grp : null,
        touchCampaignId: query.by === 'campaign' ? r.grp : null,
      },
      value: { creditFen: r.c, unattributedFen: r.u },
    })),
  );
  const state = await freshness(ctx.db);
  return {
    updatedAt: state.updatedAt,
    lookbackDays: state.lookbackDays ?? DEFAULT_LOOKBACK_DAYS,
    ...finaliseAttribution(rollup, { period, model: query.model, by: query.by }),
  };
}
