import {
  type AnalyticsAttributionResponse,
  type AttributionModel,
  addDays,
  analyticsAttributionResponseSchema,
  analyticsEffectivenessResponseSchema,
  analyticsEfficiencyResponseSchema,
  analyticsValueResponseSchema,
  analyticsVelocityResponseSchema,
  analyticsVolumeResponseSchema,
} from '@scrm/shared';
import { api } from '../../api';
import { useApiData } from '../../hooks/use-api-data';
import { todayInShanghai } from '../format';

export interface AnalyticsFilters {
  /** The last N days up to today (Shanghai). */
  days: 30 | 90 | 180;
  campusId: string | undefined;
  source: string | undefined;
}

/** The period and filters as the API's query string values. */
export function toAnalyticsQuery(filters: AnalyticsFilters, nowMs = Date.now()) {
  const toDay = todayInShanghai(nowMs);
  return {
    fromDay: addDays(toDay, -(filters.days - 1)),
    toDay,
    ...(filters.campusId ? { campusId: filters.campusId } : {}),
    ...(filters.source ? { source: filters.source } : {}),
  };
}

/** The query behind each table of the page, shared by its figures and its CSV export. */
export function toTableQueries(filters: AnalyticsFilters, model: AttributionModel, nowMs = Date.now()) {
  const query = toAnalyticsQuery(filters, nowMs);
  const { source: _source, ...withoutSource } = query;
  const period = { fromDay: query.fromDay, toDay: query.toDay };
  return {
    volume: query,
    effectiveness: { ...query, horizonDays: 90 },
    velocity: query,
    // By source: a source filter would leave one bar, so this table shows every source.
    value: { ...withoutSource, groupBy: 'source' },
    efficiency: { ...period, by: 'campaign' },
    attribution: { ...query, model, by: 'channel' },
    costs: period,
  } satisfies Record<string, Record<string, string | number>>;
}
export type AnalyticsTable = keyof ReturnType<typeof toTableQueries>;

const get = <T>(path: AnalyticsTable, query: Record<string, string | number>, schema: { parse(v: unknown): T }) =>
  api.request(`/api/staff/analytics/${path}`, { as: 'staff', query, schema });

/**
 * The 数据 page's figures (issue 15 §2): one reload per change of period or filter; the
 * attribution model switch reloads only the attribution table.
 */
export function useAnalytics(filters: AnalyticsFilters, model: AttributionModel) {
  const queries = toTableQueries(filters, model);
  const key = JSON.stringify(queries.volume);
  const dashboard = useApiData(async () => {
    const [volume, effectiveness, velocity, value, efficiency] = await Promise.all([
      get('volume', queries.volume, analyticsVolumeResponseSchema),
      get('effectiveness', queries.effectiveness, analyticsEffectivenessResponseSchema),
      get('velocity', queries.velocity, analyticsVelocityResponseSchema),
      get('value', queries.value, analyticsValueResponseSchema),
      get('efficiency', queries.efficiency, analyticsEfficiencyResponseSchema),
    ]);
    return { volume, effectiveness, velocity, value, efficiency };
  }, key);
  const attribution = useApiData<AnalyticsAttributionResponse>(
    () => get('attribution', queries.attribution, analyticsAttributionResponseSchema),
    `${key}|${model}`,
  );
  return { dashboard, attribution, queries };
}
