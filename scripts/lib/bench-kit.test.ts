import { describe, expect, it } from 'vitest';
import {
  alternate,
  formatRange,
  formatRatio,
  measureRates,
  quantile,
  runConcurrently,
  summarize,
} from './bench-kit.js';

describe('bench kit (SPEC §4)', () => {
  it('formats the median ratio first, its range, and both absolute values beside it', () => {
    const figure = {
      unit: ' events/s',
      candidate: { label: 'app', values: [1_500, 1_400, 1_200] },
      baseline: { label: 'raw', values: [1_000, 1_000, 1_000] },
    };
    expect(formatRatio(figure)).toBe('1.40× (min 1.20, max 1.50; 1,400 (1,200–1,500) events/s vs 1,000 events/s)');
    expect(
      formatRatio({
        unit: '/s',
        candidate: { label: 'a', values: [45_600] },
        baseline: { label: 'b', values: [3_710] },
      }),
    ).toBe('12.3× (45,600/s vs 3,710/s)');
    // A rollup read against a full scan: minutes against milliseconds must not print 0.00×.
    expect(
      formatRatio({
        unit: ' ms',
        candidate: { label: 'rollups', values: [35.2, 38.5] },
        baseline: { label: 'full scan', values: [28_800, 27_800] },
      }),
    ).toBe('0.0013× (min 0.0012, max 0.0014; 36.9 (35.2–38.5) ms vs 28,300 (27,800–28,800) ms)');
  });

  it('summarizes min, median and max of odd and even counts', () => {
    expect(summarize([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3 });
    expect(summarize([4, 1, 2, 3])).toEqual({ min: 1, median: 2.5, max: 4 });
    expect(formatRange([2, 2, 2], ' ms')).toBe('2 ms');
  });

  it('alternates the order of the sides between repetitions', async () => {
    const calls: string[] = [];
    const values = await alternate(3, {
      app: () => {
        calls.push('app');
        return calls.length;
      },
      raw: () => {
        calls.push('raw');
        return calls.length;
      },
    });
    expect(calls).toEqual(['app', 'raw', 'raw', 'app', 'app', 'raw']);
    expect(values).toEqual({ app: [1, 4, 5], raw: [2, 3, 6] });
  });

  it('counts the operations a round reports, per second of wall and of CPU time', () => {
    const rates = measureRates(() => 1, 5);
    expect(rates.perSecond).toBeGreaterThan(0);
    expect(rates.perCpuSecond).toBeGreaterThan(0);
  });

  it('runs every task once from a fixed number of loops, and stops at the first failure', async () => {
    const seen: [number, number][] = [];
    let running = 0;
    let most = 0;
    const result = await runConcurrently(3, 10, async (i, worker) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push([i, worker]);
      running -= 1;
    });
    expect(seen.map(([i]) => i).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(seen.map(([, worker]) => worker))).toEqual(new Set([0, 1, 2]));
    expect(most).toBe(3);
    expect(result.durationsMs).toHaveLength(10);

    const started: number[] = [];
    const failing = runConcurrently(2, 100, async (i) => {
      started.push(i);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (i === 3) throw new Error('batch 3 refused');
    });
    await expect(failing).rejects.toThrow('batch 3 refused');
    expect(started.length).toBeLessThan(10);
  });

  it('takes the nearest-rank quantile', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([5, 1, 3, 2, 4], 0.99)).toBe(5);
  });
});
