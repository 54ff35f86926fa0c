/**
 * Helpers for `npm run bench` modules (SPEC §4 "performance is measured by benchmarks in the
 * repo, printed as ratios against a baseline measured in the same run"). A bench module in
 * scripts/bench/ exports `name` and `run(): Promise<BenchFigure[]> | BenchFigure[]`.
 */

/** One measured comparison: a candidate against a baseline measured in the same run. */
export type BenchFigure = {
  name: string;
  unit: string;
  candidate: { label: string; perSecond: number };
  baseline: { label: string; perSecond: number };
  /** Further figures of the same run that are not ratios (e.g. latency percentiles). */
  notes?: string[];
};

/** The shape every scripts/bench/*.ts module exports. */
export type BenchModule = { name: string; run: () => Promise<BenchFigure[]> | BenchFigure[] };

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** "12.3× (45,600/s vs 3,710/s)": the ratio first, the absolute rates beside it. */
export function formatRatio(candidatePerSecond: number, baselinePerSecond: number, unit = '/s'): string {
  const ratio = candidatePerSecond / baselinePerSecond;
  return `${ratio.toFixed(ratio < 10 ? 2 : 1)}× (${number.format(candidatePerSecond)}${unit} vs ${number.format(baselinePerSecond)}${unit})`;
}

/**
 * Runs `round()` (which does some work and returns how many operations it did) until at least
 * `minMs` have passed, after one warm-up round; returns operations per second.
 */
export function measurePerSecond(round: () => number, minMs = 500): number {
  round();
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    operations += round();
    elapsed = performance.now() - start;
  }
  return (operations * 1000) / elapsed;
}

/** The value at quantile `q` (0–1) of `values`, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
