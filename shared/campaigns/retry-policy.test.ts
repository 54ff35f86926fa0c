import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, planRetry } from './retry-policy.js';

const MINUTE_MS = 60_000;
const now = new Date('2026-11-23T02:00:00Z');

describe('planRetry', () => {
  it('backs off 5, 10, 20, 40 minutes (±20%), then gives up after the fifth attempt', () => {
    for (const [attempts, minutes] of [
      [1, 5],
      [2, 10],
      [3, 20],
      [4, 40],
    ] as const) {
      const decision = planRetry({ attempts, now, key: 'row-1' });
      if (decision.kind !== 'retry') throw new Error('expected a retry');
      const delay = decision.at.getTime() - now.getTime();
      expect(delay).toBeGreaterThanOrEqual(0.8 * minutes * MINUTE_MS);
      expect(delay).toBeLessThanOrEqual(1.2 * minutes * MINUTE_MS);
    }
    expect(planRetry({ attempts: 5, now, key: 'row-1' })).toEqual({ kind: 'give_up', reason: 'retries_exhausted' });
  });

  it('is deterministic per row and attempt, and never waits longer than the cap', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1, max: 40 }), (key, attempts) => {
        const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 50 };
        const decision = planRetry({ attempts, now, key, policy });
        expect(planRetry({ attempts, now, key, policy })).toEqual(decision);
        if (decision.kind === 'retry')
          expect(decision.at.getTime() - now.getTime()).toBeLessThanOrEqual(1.2 * policy.maxDelayMs);
      }),
    );
  });
});
