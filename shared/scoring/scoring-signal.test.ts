import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  getSignalTimeMs,
  parseInstantMs,
  readChannel,
  readNumericProp,
  readTextProp,
  type ScoringSignal,
  scoringSignalSchema,
  toCanonicalInstant,
} from './scoring-signal.js';

const UUID = '00000000-0000-4000-8000-000000000001';
const AT = '2026-04-01T10:00:00+08:00';
const returned: ScoringSignal = { id: 'ret-1', type: 'advisor_return', occurredAt: AT, advisorId: UUID };
const view = (durationMs: number): ScoringSignal => ({
  id: UUID,
  type: 'page_view',
  occurredAt: AT,
  channel: 'sem',
  props: { page: '/pages/course/index', durationMs },
});

describe('reading scoring signals (SPEC §2.3)', () => {
  it('reads the time of a signal as epoch milliseconds, offsets included', () => {
    expect(getSignalTimeMs(returned)).toBe(Date.UTC(2026, 3, 1, 2));
  });

  it('refuses a signal whose time does not parse, naming it', () => {
    expect(() => getSignalTimeMs({ ...returned, occurredAt: 'yesterday' })).toThrow(
      'signal ret-1: invalid occurredAt yesterday',
    );
  });

  it('reads a numeric prop only when it is a finite number, else 0', () => {
    expect(readNumericProp(view(90_000), 'durationMs')).toBe(90_000);
    expect(readNumericProp(view(90_000), 'durationSec')).toBe(0);
    expect(readNumericProp(view(Number.NaN), 'durationMs')).toBe(0);
    expect(readNumericProp(view(Number.POSITIVE_INFINITY), 'durationMs')).toBe(0);
    // An advisor return has no props at all.
    expect(readNumericProp(returned, 'durationMs')).toBe(0);
  });

  it('reads a text prop only when it is a string, else undefined', () => {
    const bounced: ScoringSignal = {
      id: UUID,
      type: 'message_sent',
      occurredAt: AT,
      props: { templateId: 'tpl', status: 'bounced', errcode: 43101 },
    };
    expect(readTextProp(bounced, 'status')).toBe('bounced');
    expect(readTextProp(bounced, 'outcome')).toBeUndefined();
    // A stored row written before validation tightened: a number where text belongs reads as absent.
    const malformed = { ...bounced, props: { templateId: 'tpl', status: 43101 } } as unknown as ScoringSignal;
    expect(readTextProp(malformed, 'status')).toBeUndefined();
    expect(readTextProp(returned, 'status')).toBeUndefined();
  });

  it('reads the attribution channel of a touchpoint; an advisor return has none', () => {
    expect(readChannel(view(0))).toBe('sem');
    expect(readChannel(returned)).toBeUndefined();
  });

  it('accepts an advisor return with its reason, trimmed, and refuses one without an advisor', () => {
    expect(scoringSignalSchema.parse({ ...returned, id: ' ret-1 ', reason: ' 联系不上 ' })).toEqual({
      ...returned,
      reason: '联系不上',
    });
    expect(scoringSignalSchema.safeParse({ id: 'r', type: 'advisor_return', occurredAt: AT }).success).toBe(false);
    expect(scoringSignalSchema.safeParse({ ...returned, id: '   ' }).success).toBe(false);
    expect(scoringSignalSchema.safeParse({ ...returned, id: 'r'.repeat(64) }).success).toBe(true);
    expect(scoringSignalSchema.safeParse({ ...returned, id: 'r'.repeat(65) }).success).toBe(false);
    expect(scoringSignalSchema.safeParse({ ...returned, reason: '因'.repeat(200) }).success).toBe(true);
    expect(scoringSignalSchema.safeParse({ ...returned, reason: '因'.repeat(201) }).success).toBe(false);
  });
});

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** What `Date.parse` says, as `getSignalTimeMs` reports it: the number, or that it throws. */
function expected(occurredAt: string): number | 'throws' {
  const ms = Date.parse(occurredAt);
  return Number.isNaN(ms) ? 'throws' : ms;
}
function actual(occurredAt: string): number | 'throws' {
  try {
    return getSignalTimeMs({ id: 'x', type: 'consultation_request', occurredAt, props: {} });
  } catch {
    return 'throws';
  }
}

describe('getSignalTimeMs (SPEC §2.1 occurredAt)', () => {
  it('equals Date.parse for any instant written by toISOString', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(-62_000_000_000_000), max: new Date(253_000_000_000_000) }), (date) => {
        fc.pre(!Number.isNaN(date.getTime()));
        expect(actual(date.toISOString())).toBe(date.getTime());
      }),
    );
  });

  it('equals Date.parse for canonical-looking strings, valid or not, and for offsets', () => {
    const field = (max: number) => fc.integer({ min: 0, max });
    fc.assert(
      fc.property(
        fc.tuple(field(9999), field(13), field(32), field(24), field(60), field(60), field(999)),
        fc.constantFrom('Z', '+08:00', '-05:30', ''),
        fc.boolean(),
        ([year, month, day, hour, minute, second, ms], zone, hasMillis) => {
          const time = `${pad(hour)}:${pad(minute)}:${pad(second)}${hasMillis ? `.${pad(ms, 3)}` : ''}`;
          const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${time}${zone}`;
          expect(actual(text)).toBe(expected(text));
        },
      ),
    );
  });

  it('equals Date.parse when any one character of a canonical instant is replaced', () => {
    // The fast path reads fixed positions: a wrong separator, a letter where a digit belongs or a
    // lower-case zone must send the string to Date.parse, never be read as a time.
    const chars = fc.constantFrom(...'0123456789-:.TZtz +/x');
    fc.assert(
      fc.property(fc.date({ min: new Date(0), max: new Date(4_000_000_000_000) }), fc.nat(23), chars, (date, i, c) => {
        fc.pre(!Number.isNaN(date.getTime()));
        const iso = date.toISOString();
        const text = iso.slice(0, i) + c + iso.slice(i + 1);
        expect(actual(text)).toBe(expected(text));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    '0050-01-01T00:00:00.000Z',
    '2024-02-29T12:00:00.000Z',
    '2026-02-29T12:00:00.000Z',
    '2026-04-31T00:00:00.000Z',
    '2026-01-01T24:00:00.000Z',
    '2026-01-01T23:59:60.000Z',
    '2026-01-01T00:00:00.000z',
    '2026-01-01 00:00:00.000Z',
  ])('equals Date.parse at an edge: %s', (text) => {
    expect(actual(text)).toBe(expected(text));
  });

  it('throws on a time that is not one', () => {
    expect(actual('2026-13-01T00:00:00.000Z')).toBe('throws');
    expect(actual('yesterday')).toBe('throws');
  });
});

describe('toCanonicalInstant (the ISO string of a signal time, as toISOString writes it)', () => {
  it('equals toISOString of the parsed instant, for canonical strings and for offsets', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date(4_000_000_000_000) }),
        fc.constantFrom('Z', '+08:00', '-05:30'),
        (date, zone) => {
          fc.pre(!Number.isNaN(date.getTime()));
          const canonical = date.toISOString();
          expect(toCanonicalInstant(canonical)).toBe(canonical);
          // The same instant written with another offset and no milliseconds.
          const shift = zone === 'Z' ? 0 : (zone === '+08:00' ? 8 * 60 : -(5 * 60 + 30)) * 60_000;
          const local = new Date(date.getTime() + shift).toISOString().slice(0, 19) + zone;
          expect(toCanonicalInstant(local)).toBe(new Date(Date.parse(local)).toISOString());
          expect(parseInstantMs(local)).toBe(Date.parse(local));
        },
      ),
    );
  });

  it('rewrites what the fast path leaves to Date.parse', () => {
    expect(toCanonicalInstant('2026-03-29T08:00:00.000+08:00')).toBe('2026-03-29T00:00:00.000Z');
    expect(toCanonicalInstant('2026-03-31T00:00:00.000Z')).toBe('2026-03-31T00:00:00.000Z');
    expect(parseInstantMs('yesterday')).toBeNaN();
  });
});
