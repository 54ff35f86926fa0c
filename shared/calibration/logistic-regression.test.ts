import { describe, expect, it } from 'vitest';
import { fitLogisticRegression, sigmoid } from './logistic-regression.js';
import { createSeededRandom, splitTrainTest } from './seeded-random.js';

describe('fitLogisticRegression (SPEC §2.3)', () => {
  it('recovers known weights from synthetic data', () => {
    const random = createSeededRandom(7);
    const truth = { intercept: -1, weights: [2, -1.5, 0.5] };
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      // A standard normal (Box–Muller), a 0/1 indicator and a uniform count on 0..10.
      const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      const row = [normal, random() < 0.3 ? 1 : 0, Math.floor(random() * 11)];
      const logit = truth.intercept + row.reduce((acc, x, j) => acc + x * (truth.weights[j] ?? 0), 0);
      rows.push(row);
      labels.push(random() < sigmoid(logit) ? 1 : 0);
    }
    const fit = fitLogisticRegression(rows, labels, { l2: 0.01 });
    expect(fit.isConverged).toBe(true);
    expect(fit.intercept).toBeCloseTo(truth.intercept, 1);
    for (const [j, w] of fit.weights.entries()) expect(w).toBeCloseTo(truth.weights[j] ?? 0, 1);
  });

  it('gives a constant column weight 0 and shrinks with a stronger penalty', () => {
    const rows = [
      [1, 0],
      [1, 1],
      [1, 0],
      [1, 1],
      [1, 1],
      [1, 0],
    ];
    const labels = [0, 1, 0, 1, 0, 1];
    const weak = fitLogisticRegression(rows, labels, { l2: 0.1 });
    const strong = fitLogisticRegression(rows, labels, { l2: 100 });
    expect(weak.weights[0]).toBe(0);
    expect(Math.abs(strong.weights[1] ?? 0)).toBeLessThan(Math.abs(weak.weights[1] ?? 0));
  });
});

describe('splitTrainTest', () => {
  it('is deterministic for a seed and partitions the input', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const a = splitTrainTest(items, 0.7, 42);
    expect(splitTrainTest(items, 0.7, 42)).toEqual(a);
    expect(a.train).toHaveLength(70);
    expect([...a.train, ...a.test].sort((x, y) => x - y)).toEqual(items);
    expect(splitTrainTest(items, 0.7, 43).train).not.toEqual(a.train);
  });
});

describe('fitLogisticRegression on an all but constant column', () => {
  it('gives it weight 0 instead of a huge one', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i % 2, 1 - i * 1e-7]);
    const labels = rows.map(([x], i) => ((x === 1) !== (i % 5 === 0) ? 1 : 0));
    const fit = fitLogisticRegression(rows, labels);
    expect(fit.weights[1]).toBe(0);
    expect(Math.abs(fit.weights[0] ?? 0)).toBeGreaterThan(0.5);
  });
});
