import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  analyticsPeriodSchema,
  countDaysBetween,
  getLastDayOfMonth,
  isShanghaiDay,
  listPeriodMonths,
  toShanghaiDay,
} from './calendar.js';

describe('Shanghai calendar', () => {
  it('puts an instant on its Shanghai day: 23:30 UTC on the last day of a month is the next month', () => {
    expect(toShanghaiDay('2026-01-31T23:30:00Z')).toBe('2026-02-01');
    expect(toShanghaiDay('2026-01-31T15:59:59.999Z')).toBe('2026-01-31');
    expect(toShanghaiDay('2026-01-31T16:00:00Z')).toBe('2026-02-01');
    expect(toShanghaiDay('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(toShanghaiDay('2026-03-05T00:10:00+08:00')).toBe('2026-03-05');
    expect(() => toShanghaiDay('yesterday')).toThrow(/not an ISO instant/);
  });

  it('counts calendar days, across months and leap days', () => {
    expect(countDaysBetween('2026-01-30', '2026-02-02')).toBe(3);
    expect(countDaysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(countDaysBetween('2026-03-10', '2026-03-10')).toBe(0);
    expect(countDaysBetween('2026-03-10', '2026-03-01')).toBe(-9);
    expect(() => countDaysBetween('2026-02-30', '2026-03-01')).toThrow(/not a calendar day/);
  });

  it('adding the days between two days leads from one to the other', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n));
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(addDays(a, countDaysBetween(a, b))).toBe(b);
      }),
    );
  });

  it('lists the months a period touches and the last day of each', () => {
    expect(listPeriodMonths({ fromDay: '2025-11-30', toDay: '2026-02-01' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(listPeriodMonths({ fromDay: '2026-03-01', toDay: '2026-03-31' })).toEqual(['2026-03']);
    expect(getLastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(getLastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(getLastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(() => getLastDayOfMonth('2026-1')).toThrow(/not a month/);
  });

  it('accepts only real days and periods that do not run backwards', () => {
    expect(isShanghaiDay('2026-02-28')).toBe(true);
    expect(isShanghaiDay('2026-02-29')).toBe(false);
    expect(isShanghaiDay('2026-2-28')).toBe(false);
    expect(analyticsPeriodSchema.safeParse({ fromDay: '2026-03-01', toDay: '2026-03-01' }).success).toBe(true);
    const backwards = analyticsPeriodSchema.safeParse({ fromDay: '2026-03-02', toDay: '2026-03-01' });
    expect(backwards.error?.issues[0]?.message).toBe('开始日期不能晚于结束日期');
    expect(analyticsPeriodSchema.safeParse({ fromDay: '2026-13-01', toDay: '2026-13-02' }).success).toBe(false);
  });
});
