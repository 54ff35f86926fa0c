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

const get = <T>(path: string, query: Record<string, string | number>, schema: { parse(v: unknown): T }) =>
  api.request(`/api/staff/analytics/${path}`, { as: 'staff', query, schema });

/**
 * The 数据 page's figures (issue 15 §2): one reload per change of period or filter; the
 * attribution model switch reloads only the attribution table.
 */
export function useAnalytics(filters: AnalyticsFilters, model: AttributionModel) {
  const query = toAnalyticsQuery(filters);
  const key = JSON.stringify(query);
  const dashboard = useApiData(async () => {
    const { source: _source, ...withoutSource } = query;
    const [volume, effectiveness, velocity, value, efficiency] = await Promise.all([
      get('volume', query, analyticsVolumeResponseSchema),
      get('effectiveness', { ...query, horizonDays: 90 }, analyticsEffectivenessResponseSchema),
      get('velocity', query, analyticsVelocityResponseSchema),
      // By source: a source filter would leave one bar, so this table shows every source.
      get('value', { ...withoutSource, groupBy: 'source' }, analyticsValueResponseSchema),
      get(
        'efficiency',
        { fromDay: query.fromDay, toDay: query.toDay, by: 'campaign' },
        analyticsEfficiencyResponseSchema,
      ),
    ]);
    return { volume, effectiveness, velocity, value, efficiency };
  }, key);
  const attribution = useApiData<AnalyticsAttributionResponse>(
    () => get('attribution', { ...query, model, by: 'channel' }, analyticsAttributionResponseSchema),
    `${key}|${model}`,
  );
  return { dashboard, attribution };
}
