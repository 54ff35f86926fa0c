import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEND_WINDOW,
  isWithinSendWindow,
  nextSendTime,
  type SendWindow,
  sendWindowSchema,
} from './send-window.js';

const MINUTE_MS = 60_000;
const shanghai = (local: string) => new Date(`${local}+08:00`);

const clockArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/** Any window the schema accepts. */
const windowArb: fc.Arbitrary<SendWindow> = fc
  .record({
    sendHours: fc.record({ from: clockArb, to: clockArb }),
    quietHours: fc.array(fc.record({ from: clockArb, to: clockArb }), { maxLength: 2 }),
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  })
  .map((w) => sendWindowSchema.safeParse(w))
  .filter((r) => r.success)
  .map((r) => r.data as SendWindow);

const instantArb = fc.date({
  min: new Date('2020-01-01T00:00:00Z'),
  max: new Date('2035-01-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('nextSendTime', () => {
  it.each([
    ['2026-11-23T20:59:00', '2026-11-23T20:59:00'],
    ['2026-11-23T20:59:59', '2026-11-23T20:59:59'],
    ['2026-11-23T21:00:00', '2026-11-24T08:30:00'],
    ['2026-11-23T23:30:00', '2026-11-24T08:30:00'],
    ['2026-11-24T00:00:00', '2026-11-24T08:30:00'],
    ['2026-11-24T08:29:59', '2026-11-24T08:30:00'],
    ['2026-11-24T08:30:00', '2026-11-24T08:30:00'],
    ['2026-12-31T22:00:00', '2027-01-01T08:30:00'],
  ])('default window (no sends 21:00–08:30 Shanghai): %s → %s', (due, expected) => {
    expect(nextSendTime(shanghai(due), DEFAULT_SEND_WINDOW)).toEqual(shanghai(expected));
  });

  it('works on the Shanghai clock, not UTC: 13:30Z is 21:30 in Shanghai', () => {
    expect(nextSendTime(new Date('2026-11-23T13:30:00Z'), DEFAULT_SEND_WINDOW)).toEqual(
      new Date('2026-11-24T00:30:00Z'),
    );
  });

  it('skips quiet hours inside the send hours and weekdays left out', () => {
    const window = sendWindowSchema.parse({
      sendHours: { from: '09:00', to: '20:00' },
      quietHours: [{ from: '12:00', to: '13:30' }],
      weekdays: [1, 2, 3, 4, 5],
    });
    expect(nextSendTime(shanghai('2026-11-23T12:15:00'), window)).toEqual(shanghai('2026-11-23T13:30:00'));
    // Friday 20:00 → Monday 09:00 (2026-11-27 is a Friday).
    expect(nextSendTime(shanghai('2026-11-27T20:00:00'), window)).toEqual(shanghai('2026-11-30T09:00:00'));
    expect(nextSendTime(shanghai('2026-11-28T10:00:00'), window)).toEqual(shanghai('2026-11-30T09:00:00'));
  });

  it('a quiet interval may wrap midnight', () => {
    const window = sendWindowSchema.parse({
      sendHours: { from: '00:00', to: '24:00' },
      quietHours: [{ from: '22:00', to: '07:00' }],
    });
    expect(nextSendTime(shanghai('2026-11-23T23:00:00'), window)).toEqual(shanghai('2026-11-24T07:00:00'));
    expect(nextSendTime(shanghai('2026-11-24T06:59:00'), window)).toEqual(shanghai('2026-11-24T07:00:00'));
    expect(nextSendTime(shanghai('2026-11-24T21:59:00'), window)).toEqual(shanghai('2026-11-24T21:59:00'));
  });

  it('refuses windows with nothing allowed or backwards send hours', () => {
    expect(sendWindowSchema.safeParse({ sendHours: { from: '21:00', to: '08:30' } }).success).toBe(false);
    expect(sendWindowSchema.safeParse({ quietHours: [{ from: '08:00', to: '22:00' }] }).success).toBe(false);
    expect(sendWindowSchema.safeParse({ weekdays: [] }).success).toBe(false);
    expect(sendWindowSchema.safeParse({ sendHours: { from: '8:30', to: '21:00' } }).success).toBe(false);
  });

  it('never sends in quiet hours, never before due, and is idempotent, for any instant and window', () => {
    fc.assert(
      fc.property(instantArb, windowArb, (due, window) => {
        const at = nextSendTime(due, window);
        expect(at.getTime()).toBeGreaterThanOrEqual(due.getTime());
        expect(isWithinSendWindow(at, window)).toBe(true);
        expect(nextSendTime(at, window)).toEqual(at);
        if (at.getTime() > due.getTime()) expect(isWithinSendWindow(due, window)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('is the earliest allowed minute: nothing in between is allowed', () => {
    fc.assert(
      fc.property(instantArb, windowArb, (due, window) => {
        const at = nextSendTime(due, window);
        const firstMinute = Math.ceil(due.getTime() / MINUTE_MS) * MINUTE_MS;
        let earlier: number | null = null;
        for (let t = firstMinute; t < at.getTime() && earlier === null; t += MINUTE_MS) {
          if (isWithinSendWindow(new Date(t), window)) earlier = t;
        }
        expect(earlier).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});
