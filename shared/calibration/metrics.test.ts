import { describe, expect, it } from 'vitest';
import { computeAuc, computeCalibrationTable, computeLiftByDecile } from './metrics.js';

describe('computeAuc (SPEC §2.3)', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 when everything ties', () => {
    expect(computeAuc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(computeAuc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    expect(computeAuc([5, 5, 5, 5], [true, false, true, false])).toBe(0.5);
  });

  it('counts ordered pairs by hand', () => {
    // Converters 0.35 and 0.8 against 0.1 and 0.4: 0.35>0.1, 0.35<0.4, 0.8>both → 3 of 4 pairs.
    expect(computeAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    // Converters {1, 2} against {1}: one tie (½) and one win → 1.5 of 2 pairs.
    expect(computeAuc([1, 1, 2], [true, false, true])).toBe(0.75);
  });

  it('refuses a single class', () => {
    expect(() => computeAuc([1, 2], [true, true])).toThrow(/at least one/);
  });
});

describe('computeLiftByDecile (SPEC §2.3)', () => {
  it('puts the converters of a perfect ranking in the top deciles', () => {
    const scores = Array.from({ length: 100 }, (_, i) => i);
    const labels = scores.map((s) => s >= 80);
    const lift = computeLiftByDecile(scores, labels);
    expect(lift).toHaveLength(10);
    expect(lift[0]).toMatchObject({ decile: 1, count: 10, positives: 10, rate: 1, lift: 5, cumulativeCapture: 0.5 });
    expect(lift[1]?.cumulativeCapture).toBe(1);
    expect(lift[9]).toMatchObject({ positives: 0, lift: 0, minScore: 0 });
  });
});

describe('computeCalibrationTable', () => {
  it('bins predictions and compares them with what happened', () => {
    const table = computeCalibrationTable([0.05, 0.15, 0.12, 0.95, 1], [false, true, false, true, true]);
    expect(table).toEqual([
      { from: 0, to: 0.1, count: 1, meanPredicted: 0.05, observedRate: 0 },
      { from: 0.1, to: 0.2, count: 2, meanPredicted: 0.135, observedRate: 0.5 },
      { from: 0.9, to: 1, count: 2, meanPredicted: 0.975, observedRate: 1 },
    ]);
  });
});
