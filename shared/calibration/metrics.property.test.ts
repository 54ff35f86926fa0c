/** Properties of the ranking metrics (issue 15 §4): what must hold for any scores and outcomes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAuc, computeCalibrationTable, computeLiftByDecile } from './metrics.js';

/** Scores with outcomes of both kinds. */
const scored = fc
  .array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.boolean()), { minLength: 2, maxLength: 200 })
  .filter((rows) => rows.some(([, y]) => y) && rows.some(([, y]) => !y));

describe('metrics properties', () => {
  it('AUC is unchanged by a strictly increasing transform of the scores', () => {
    fc.assert(
      fc.property(
        scored,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.integer({ min: -50, max: 50 }),
        (rows, a, b) => {
          const scores = rows.map(([s]) => s);
          const labels = rows.map(([, y]) => y);
          const transformed = scores.map((s) => a * s * s * s + b);
          expect(computeAuc(transformed, labels)).toBeCloseTo(computeAuc(scores, labels), 12);
        },
      ),
    );
  });

  it('AUC of a ranking and its reverse sum to 1, and it lies in [0, 1]', () => {
    fc.assert(
      fc.property(scored, (rows) => {
        const scores = rows.map(([s]) => s);
        const labels = rows.map(([, y]) => y);
        const auc = computeAuc(scores, labels);
        expect(auc).toBeGreaterThanOrEqual(0);
        expect(auc).toBeLessThanOrEqual(1);
        expect(
          auc +
            computeAuc(
              scores.map((s) => -s),
              labels,
            ),
        ).toBeCloseTo(1, 12);
      }),
    );
  });

  it('AUC of a perfect ranking is 1', () => {
    fc.assert(
      fc.property(scored, (rows) => {
        const labels = rows.map(([, y]) => y);
        const perfect = rows.map(([s, y]) => (y ? 10_000 + s : s));
        expect(computeAuc(perfect, labels)).toBe(1);
      }),
    );
  });

  it('lift deciles hold every lead and every converter once; capture ends at 100%', () => {
    fc.assert(
      fc.property(scored, (rows) => {
        const scores = rows.map(([s]) => s);
        const labels = rows.map(([, y]) => y);
        const deciles = computeLiftByDecile(scores, labels);
        expect(deciles).toHaveLength(10);
        expect(deciles.reduce((s, d) => s + d.count, 0)).toBe(rows.length);
        expect(deciles.reduce((s, d) => s + d.positives, 0)).toBe(labels.filter(Boolean).length);
        expect(deciles[9]?.cumulativeCapture).toBeCloseTo(1, 12);
        // Best first: no lead of a decile scores above the lowest of the decile before.
        for (let i = 1; i < 10; i += 1) {
          const [prev, cur] = [deciles[i - 1], deciles[i]];
          if (prev && cur && prev.count > 0 && cur.count > 0) expect(cur.minScore).toBeLessThanOrEqual(prev.minScore);
        }
      }),
    );
  });

  it('calibration bins hold every prediction once, each inside its bin', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { maxLength: 200 }),
        (rows) => {
          const table = computeCalibrationTable(
            rows.map(([p]) => p),
            rows.map(([, y]) => y),
          );
          expect(table.reduce((s, b) => s + b.count, 0)).toBe(rows.length);
          for (const bin of table) {
            expect(bin.meanPredicted).toBeGreaterThanOrEqual(bin.from - 1e-12);
            expect(bin.meanPredicted).toBeLessThanOrEqual(bin.to + 1e-12);
            expect(bin.observedRate).toBeGreaterThanOrEqual(0);
            expect(bin.observedRate).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
