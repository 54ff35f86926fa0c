import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatPrice, formatTime } from './date';

describe('dates in Chinese conventions', () => {
  // 2026-12-06 02:00 UTC is Sunday 10:00 in Beijing; 2026-12-05 20:30 UTC is already Sunday there.
  it('shows Beijing time, weekday, no seconds', () => {
    expect(formatDay('2026-12-06T02:00:00.000Z')).toBe('12月6日 周日');
    expect(formatTime('2026-12-06T02:00:59.000Z')).toBe('10:00');
    expect(formatDateTime('2026-12-06T02:00:00.000Z', '2026-12-06T03:00:00.000Z')).toBe('12月6日 周日 10:00–11:00');
    expect(formatDateTime('2026-12-05T20:30:00.000Z')).toBe('12月6日 周日 04:30');
    expect(formatDate('2026-12-31T16:00:00.000Z')).toBe('2027年1月1日');
  });

  it('prices in yuan with thousands separators', () => {
    expect(formatPrice(1_280_000)).toBe('¥12,800');
    expect(formatPrice(398_050)).toBe('¥3,980.50');
    expect(formatPrice(0)).toBe('¥0');
  });
});
