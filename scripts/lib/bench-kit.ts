/**
 * Helpers for `npm run bench` modules (SPEC §4 "performance is measured by benchmarks in the
 * repo, printed as ratios against a baseline measured in the same run"). A bench module in
 * scripts/bench/ exports `name` and `run(options)`; each figure holds one value per repetition of
 * candidate and baseline, measured alternately, and is printed as min / median / max.
 */

/** One measured comparison: a candidate against a baseline measured in the same run. */
export type BenchFigure = {
  name: string;
  /** Unit of the values, printed after them (` events/s`, ` ms`). */
  unit: string;
  /** One value per repetition; `candidate.values[i]` and `baseline.values[i]` were measured together. */
  candidate: { label: string; values: number[] };
  baseline: { label: string; values: number[] };
  /** Further figures of the same run that are not ratios (e.g. latency percentiles). */
  notes?: string[];
};

/** What `npm run bench` passes to every module. */
export interface BenchOptions {
  /** PostgreSQL to run database benches on; unset: embedded PGlite. */
  databaseUrl: string | undefined;
  /** redis-server for the shared store (rate limits); unset: the in-process store. */
  redisUrl: string | undefined;
  /** Alternating repetitions of each candidate/baseline pair (at least 3 for a real run). */
  repetitions: number;
  /** Tiny sizes, so that CI can check the bench code runs without spending minutes on it. */
  isSmoke: boolean;
  /** A data size between the smoke run and the full one, for benches that generate leads (`--leads N`). */
  leads?: number | undefined;
  /** Write CPU profiles of the measured code here (modules that support it). */
  cpuProfileDir: string | undefined;
  /** Progress lines (to stderr, so `--json` output stays clean). */
  log(message: string): void;
}

/** The shape every scripts/bench/*.ts module exports. */
export type BenchModule = { name: string; run: (options: BenchOptions) => Promise<BenchFigure[]> | BenchFigure[] };

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** `min / median / max` of `values`. */
export function summarize(values: readonly number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(middle)] ?? Number.NaN)
      : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
  return { min: sorted[0] ?? Number.NaN, median, max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** Two decimals, one from 10×; a ratio under 0.1 with two significant digits, so it never reads 0.00×. */
function formatRatioValue(ratio: number): string {
  if (ratio > 0 && ratio < 0.1) return ratio.toPrecision(2);
  return ratio.toFixed(ratio < 10 ? 2 : 1);
}

/** "1,500 (1,400–1,600) events/s": the median, the range beside it when there is one. */
export function formatRange(values: readonly number[], unit = ''): string {
  const { min, median, max } = summarize(values);
  if (values.length === 1 || min === max) return `${number.format(median)}${unit}`;
  return `${number.format(median)} (${number.format(min)}–${number.format(max)})${unit}`;
}

/**
 * "0.35× (min 0.30, max 0.40; 7,000 (6,400–7,600) events/s vs 20,000 (19,000–21,000) events/s)":
 * the median of the per-repetition ratios first, their range, then both absolute values.
 */
export function formatRatio(figure: Pick<BenchFigure, 'candidate' | 'baseline' | 'unit'>): string {
  const ratios = figure.candidate.values.map((value, i) => value / (figure.baseline.values[i] ?? Number.NaN));
  const { min, median, max } = summarize(ratios);
  const range = ratios.length > 1 ? `min ${formatRatioValue(min)}, max ${formatRatioValue(max)}; ` : '';
  const absolute = `${formatRange(figure.candidate.values, figure.unit)} vs ${formatRange(figure.baseline.values, figure.unit)}`;
  return `${formatRatioValue(median)}× (${range}${absolute})`;
}

/**
 * Runs `round()` (which does some work and returns how many operations it did) until at least
 * `minMs` have passed, after one warm-up round; returns operations per second of wall time, and
 * per second of this process's CPU time (on a shared machine the first falls with others' load).
 */
export function measureRates(round: () => number, minMs = 500): { perSecond: number; perCpuSecond: number } {
  round();
  let operations = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    operations += round();
    elapsed = performance.now() - start;
  }
  const used = process.cpuUsage(cpu);
  return { perSecond: (operations * 1000) / elapsed, perCpuSecond: (operations * 1e6) / (used.user + used.system) };
}

/**
 * Measures each of `sides` `repetitions` times, alternating (A B, B A, A B, …) so that a shared
 * machine's changing load falls on every side alike; returns the values per side, in order.
 */
export async function alternate<T extends string>(
  repetitions: number,
  sides: Record<T, () => number | Promise<number>>,
): Promise<Record<T, number[]>> {
  const names = Object.keys(sides) as T[];
  const values = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<T, number[]>;
  for (let rep = 0; rep < repetitions; rep += 1) {
    const order = rep % 2 === 0 ? names : [...names].reverse();
    for (const name of order) values[name].push(await sides[name]());
  }
  return values;
}

/**
 * Runs `task(i, worker)` for i = 0 … count − 1 from `workers` concurrent loops (`worker` is the
 * loop's number), each taking the next index as soon as its previous task is done (N clients of
 * a pool, closed loop). Stops starting
 * tasks at the first failure and throws it once the running ones settle. Returns the elapsed time
 * and each task's duration.
 */
export async function runConcurrently(
  workers: number,
  count: number,
  task: (i: number, worker: number) => Promise<void>,
): Promise<{ elapsedMs: number; durationsMs: number[] }> {
  const durationsMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: workers }, async (_, worker) => {
      while (next < count) {
        const i = next;
        next += 1;
        const t0 = performance.now();
        try {
          await task(i, worker);
        } catch (error) {
          next = count;
          throw error;
        }
        durationsMs.push(performance.now() - t0);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
  return { elapsedMs, durationsMs };
}

/** The value at quantile `q` (0–1) of `values`, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
