import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  countWorkingMinutes,
  DEFAULT_WORKING_HOURS,
  isWithinWorkingHours,
  type WorkingHours,
  workingHoursSchema,
} from './working-hours.js';

const hoursArb: fc.Arbitrary<WorkingHours> = fc
  .record({
    utcOffsetMinutes: fc.constantFrom(480, 0, -300, 330),
    weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    open: fc.integer({ min: 0, max: 22 }),
    length: fc.integer({ min: 1, max: 12 }),
    closedDates: fc.uniqueArray(
      fc
        .integer({ min: 0, max: 40 })
        .map((d) => new Date(Date.UTC(2026, 2, 1) + d * 86_400_000).toISOString().slice(0, 10)),
      { maxLength: 5 },
    ),
  })
  .map(({ utcOffsetMinutes, weekdays, open, length, closedDates }) => ({
    utcOffsetMinutes,
    weekdays,
    opensAt: `${String(open).padStart(2, '0')}:00`,
    closesAt: `${String(Math.min(23, open + length)).padStart(2, '0')}:30`,
    closedDates,
  }));
const startArb = fc.integer({ min: 0, max: 30 * 24 * 60 }).map((m) => new Date(Date.UTC(2026, 2, 1) + m * 60_000));
const minutesArb = fc.integer({ min: 0, max: 3000 });

describe('addWorkingMinutes', () => {
  it('counts exactly the working minutes asked for, and lands inside working hours or at a closing time', () => {
    fc.assert(
      fc.property(hoursArb, startArb, minutesArb, (hours, start, minutes) => {
        expect(workingHoursSchema.safeParse(hours).success).toBe(true);
        const due = addWorkingMinutes(start, minutes, hours);
        expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(countWorkingMinutes(start, due, hours)).toBeCloseTo(minutes, 6);
        const justBefore = new Date(due.getTime() - 1);
        if (minutes > 0) expect(isWithinWorkingHours(justBefore, hours)).toBe(true);
      }),
    );
  });

  it('is additive: a then b working minutes is a + b', () => {
    fc.assert(
      fc.property(hoursArb, startArb, minutesArb, minutesArb, (hours, start, a, b) => {
        const twoSteps = addWorkingMinutes(addWorkingMinutes(start, a, hours), b, hours);
        const oneStep = addWorkingMinutes(start, a + b, hours);
        // A step that ends at a closing time resumes at the next opening: the same instant for b > 0.
        if (b > 0) expect(twoSteps.toISOString()).toBe(oneStep.toISOString());
      }),
    );
  });

  it('the default: 4 working hours, 09:00–21:00 Asia/Shanghai every day', () => {
    const due = (iso: string) => addWorkingMinutes(new Date(iso), 240, DEFAULT_WORKING_HOURS).toISOString();
    // Monday 10:00 Shanghai → 14:00 the same day.
    expect(due('2026-03-02T02:00:00.000Z')).toBe('2026-03-02T06:00:00.000Z');
    // Friday 20:00 Shanghai: one hour that evening, three from 09:00 on Saturday → 12:00.
    expect(due('2026-03-06T12:00:00.000Z')).toBe('2026-03-07T04:00:00.000Z');
    // 02:00 at night counts from the opening: 13:00.
    expect(due('2026-03-02T18:00:00.000Z')).toBe('2026-03-03T05:00:00.000Z');
  });

  it('skips closed weekdays and holidays', () => {
    const hours: WorkingHours = { ...DEFAULT_WORKING_HOURS, weekdays: [1, 2, 3, 4, 5], closedDates: ['2026-03-09'] };
    // Friday 2026-03-06 20:00 Shanghai: 1 h Friday; Sat, Sun closed; Monday 03-09 a holiday → Tuesday 12:00.
    expect(addWorkingMinutes(new Date('2026-03-06T12:00:00.000Z'), 240, hours).toISOString()).toBe(
      '2026-03-10T04:00:00.000Z',
    );
  });

  it('refuses a negative duration, a calendar with no working time, and closing before opening', () => {
    expect(() => addWorkingMinutes(new Date(0), -1, DEFAULT_WORKING_HOURS)).toThrow(RangeError);
    // Open on Wednesdays only, and every Wednesday of the next 800 days is a holiday.
    const wednesdays = Array.from({ length: 120 }, (_, w) =>
      new Date(Date.UTC(2026, 0, 7) + w * 7 * 86_400_000).toISOString().slice(0, 10),
    );
    const never: WorkingHours = { ...DEFAULT_WORKING_HOURS, weekdays: [3], closedDates: wednesdays };
    expect(() => addWorkingMinutes(new Date('2026-01-01T00:00:00Z'), 60, never)).toThrow(RangeError);
    const backwards = { ...DEFAULT_WORKING_HOURS, opensAt: '21:00', closesAt: '09:00' };
    expect(workingHoursSchema.safeParse(backwards).success).toBe(false);
  });
});
