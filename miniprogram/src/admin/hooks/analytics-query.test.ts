import { describe, expect, it } from 'vitest';
import { toAnalyticsQuery, toTableQueries } from './use-analytics';

describe('the 数据 page period (issue 15 §2)', () => {
  // 2026-03-01 17:00 UTC is 2 March 01:00 in Shanghai: the period ends on the Shanghai day.
  const nowMs = Date.parse('2026-03-01T17:00:00Z');

  it('is the last N Shanghai days up to today, both ends included', () => {
    expect(toAnalyticsQuery({ days: 30, campusId: undefined, source: undefined }, nowMs)).toEqual({
      fromDay: '2026-02-01',
      toDay: '2026-03-02',
    });
  });

  it('sends only the filters that are set', () => {
    expect(toAnalyticsQuery({ days: 90, campusId: 'k1', source: 'event_qr' }, nowMs)).toEqual({
      fromDay: '2025-12-03',
      toDay: '2026-03-02',
      campusId: 'k1',
      source: 'event_qr',
    });
  });

  it('gives each table, and so its CSV export, the query its figures were read with', () => {
    const queries = toTableQueries({ days: 30, campusId: 'k1', source: 'event_qr' }, 'linear', nowMs);
    const period = { fromDay: '2026-02-01', toDay: '2026-03-02' };
    expect(queries.value).toEqual({ ...period, campusId: 'k1', groupBy: 'source' });
    expect(queries.efficiency).toEqual({ ...period, by: 'campaign' });
    expect(queries.costs).toEqual(period);
    expect(queries.attribution).toEqual({
      ...period,
      campusId: 'k1',
      source: 'event_qr',
      model: 'linear',
      by: 'channel',
    });
  });
});
