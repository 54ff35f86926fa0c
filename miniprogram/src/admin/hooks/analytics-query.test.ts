import { describe, expect, it } from 'vitest';
import { toAnalyticsQuery } from './use-analytics';

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
});
