import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getShanghaiDay } from '../scoring/score-state.js';
import {
  CAP_WINDOW_DAYS,
  checkFrequencyCap,
  DEFAULT_FREQUENCY_CAPS,
  type FrequencyCaps,
  frequencyCapsSchema,
  listCapWindowDays,
  type SendCountsByDay,
} from './frequency-cap.js';

const HOUR_MS = 3_600_000;
const shanghai = (local: string) => new Date(`${local}+08:00`);
const dayOf = (local: string) => getShanghaiDay(shanghai(local).getTime());

describe('checkFrequencyCap (default: 1 a day, 3 a week)', () => {
  const caps = DEFAULT_FREQUENCY_CAPS;

  it('allows the first message of a day', () => {
    const at = shanghai('2026-11-23T10:00:00');
    expect(checkFrequencyCap({ at, counts: {}, caps })).toEqual({ isAllowed: true, day: dayOf('2026-11-23T10:00:00') });
  });

  it('holds a second message of the same Shanghai day until the next midnight', () => {
    const at = shanghai('2026-11-23T20:00:00');
    const counts = { [dayOf('2026-11-23T09:00:00')]: 1 };
    expect(checkFrequencyCap({ at, counts, caps })).toEqual({
      isAllowed: false,
      reason: 'daily_cap',
      retryAt: shanghai('2026-11-24T00:00:00'),
    });
  });

  it('the Shanghai day, not the UTC one: 23:30 and 00:30 the next day are two days', () => {
    const counts = { [dayOf('2026-11-23T23:30:00')]: 1 };
    expect(checkFrequencyCap({ at: shanghai('2026-11-24T00:30:00'), counts, caps }).isAllowed).toBe(true);
  });

  it('holds a fourth message in seven days until the oldest leaves the window', () => {
    const counts = {
      [dayOf('2026-11-17T10:00:00')]: 1,
      [dayOf('2026-11-19T10:00:00')]: 1,
      [dayOf('2026-11-21T10:00:00')]: 1,
    };
    // 17th, 19th, 21st: on the 23rd the window is 17th–23rd (3 sent). On the 24th it is 18th–24th (2).
    expect(checkFrequencyCap({ at: shanghai('2026-11-23T10:00:00'), counts, caps })).toEqual({
      isAllowed: false,
      reason: 'weekly_cap',
      retryAt: shanghai('2026-11-24T00:00:00'),
    });
    expect(checkFrequencyCap({ at: shanghai('2026-11-24T10:00:00'), counts, caps }).isAllowed).toBe(true);
  });

  it('lists the seven counter days, oldest first', () => {
    expect(listCapWindowDays(shanghai('2026-11-23T10:00:00'))).toEqual(
      Array.from({ length: 7 }, (_, i) => dayOf('2026-11-17T10:00:00') + i),
    );
  });

  it('refuses caps where a day may hold more than the week', () => {
    expect(frequencyCapsSchema.safeParse({ maxPerDay: 4, maxPerWeek: 3 }).success).toBe(false);
  });
});

const capsArb: fc.Arbitrary<FrequencyCaps> = fc
  .record({ maxPerDay: fc.integer({ min: 1, max: 3 }), maxPerWeek: fc.integer({ min: 1, max: 8 }) })
  .filter((c) => c.maxPerDay <= c.maxPerWeek);

/** Attempted sends over about a month: sorted hours since the start. */
const attemptsArb = fc
  .array(fc.integer({ min: 0, max: 30 * 24 }), { maxLength: 80 })
  .map((hours) => hours.sort((a, b) => a - b));

describe('checkFrequencyCap over generated send histories', () => {
  const start = shanghai('2026-11-01T00:00:00').getTime();

  it('never lets a day or any seven consecutive days exceed the caps', () => {
    fc.assert(
      fc.property(capsArb, attemptsArb, (caps, hours) => {
        const counts: Record<number, number> = {};
        for (const h of hours) {
          const at = new Date(start + h * HOUR_MS);
          const decision = checkFrequencyCap({ at, counts, caps });
          if (decision.isAllowed) counts[decision.day] = (counts[decision.day] ?? 0) + 1;
        }
        const days = Object.keys(counts).map(Number);
        for (const day of days) {
          expect(counts[day]).toBeLessThanOrEqual(caps.maxPerDay);
          let week = 0;
          for (let d = day; d < day + CAP_WINDOW_DAYS; d++) week += counts[d] ?? 0;
          expect(week).toBeLessThanOrEqual(caps.maxPerWeek);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a held send may go at its retry time, and not one day earlier', () => {
    const countsArb: fc.Arbitrary<SendCountsByDay> = fc.dictionary(
      fc.integer({ min: -8, max: 0 }).map(String),
      fc.integer({ min: 0, max: 3 }),
    );
    fc.assert(
      fc.property(capsArb, countsArb, fc.integer({ min: 0, max: 23 }), (caps, relative, hour) => {
        const at = new Date(start + 20 * 24 * HOUR_MS + hour * HOUR_MS);
        const today = getShanghaiDay(at.getTime());
        const counts = Object.fromEntries(Object.entries(relative).map(([d, n]) => [today + Number(d), n]));
        const decision = checkFrequencyCap({ at, counts, caps });
        if (decision.isAllowed) return;
        expect(decision.retryAt.getTime()).toBeGreaterThan(at.getTime());
        expect(checkFrequencyCap({ at: decision.retryAt, counts, caps }).isAllowed).toBe(true);
        const dayBefore = new Date(decision.retryAt.getTime() - 24 * HOUR_MS);
        if (dayBefore.getTime() > at.getTime())
          expect(checkFrequencyCap({ at: dayBefore, counts, caps }).isAllowed).toBe(false);
      }),
    );
  });
});
