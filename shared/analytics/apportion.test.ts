import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionFen } from './apportion.js';

describe('apportionFen (largest remainder)', () => {
  it('rounds by hand-computed examples', () => {
    // 100 / 3 = 33.33 each: 33 + 33 + 33 = 99, the spare fen to the first tie.
    expect(apportionFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 1001 × 2/5 = 400.4, × 1/5 = 200.2: wholes 400 + 200 + 400 = 1000; remainders .4, .2, .4 → first .4.
    expect(apportionFen(1001, [2, 1, 2])).toEqual([401, 200, 400]);
    // 10 × 1/6 = 1.67, × 5/6 = 8.33: wholes 1 + 8 = 9; the larger remainder (.67) takes the spare fen.
    expect(apportionFen(10, [1, 5])).toEqual([2, 8]);
    expect(apportionFen(0, [3, 1])).toEqual([0, 0]);
    expect(apportionFen(7, [0, 1, 0])).toEqual([0, 7, 0]);
  });

  it('refuses what it cannot split exactly', () => {
    expect(() => apportionFen(10, [0, 0])).toThrow(/positive weight/);
    expect(() => apportionFen(10, [])).toThrow(/positive weight/);
    expect(() => apportionFen(1.5, [1])).toThrow(/not an amount/);
    expect(() => apportionFen(-1, [1])).toThrow(/not an amount/);
    expect(() => apportionFen(10, [0.5, 1])).toThrow(/not a whole weight/);
    expect(() => apportionFen(2 ** 50, [16])).toThrow(/exact integer range/);
  });

  it('sums to the amount exactly, each part within 1 fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const parts = apportionFen(amount, weights);
          const total = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          parts.forEach((part, i) => {
            expect(Number.isInteger(part)).toBe(true);
            expect(Math.abs(part - (amount * (weights[i] ?? 0)) / total)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
