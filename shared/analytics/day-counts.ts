/**
 * Average and median of whole numbers of days kept as an exact histogram (ADR 016). Days between
 * lifecycle stages are small integers (calendar days in Shanghai), so a histogram — days → how
 * many — is exact, small (one bucket per distinct number of days), mergeable by adding counts and,
 * unlike a t-digest, subtractable when a fact is retracted. A t-digest would only pay off for
 * continuous values with unbounded range.
 */

/** Days → count. Counts are non-negative integers once every retraction has been applied. */
export type DayCounts = ReadonlyMap<number, number>;

/** The number of values, their mean and their median (the mean of the two middle values when even). */
export interface DayStatistics {
  count: number;
  averageDays: number | null;
  medianDays: number | null;
}

/** Statistics of a histogram; `null` averages and medians when it is empty. */
export function summariseDayCounts(counts: DayCounts): DayStatistics {
  const buckets = [...counts.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const count = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return { count: 0, averageDays: null, medianDays: null };
  const total = buckets.reduce((sum, [days, n]) => sum + days * n, 0);
  // The 0-based positions of the middle value(s) in sorted order.
  const lower = findDaysAtPosition(buckets, Math.floor((count - 1) / 2));
  const upper = findDaysAtPosition(buckets, Math.floor(count / 2));
  return { count, averageDays: total / count, medianDays: (lower + upper) / 2 };
}

function findDaysAtPosition(buckets: readonly (readonly [number, number])[], position: number): number {
  let seen = 0;
  for (const [days, n] of buckets) {
    seen += n;
    if (position < seen) return days;
  }
  throw new Error(`position ${position} is beyond ${seen} values`);
}
