import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSignalTimeMs } from './scoring-signal.js';

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
