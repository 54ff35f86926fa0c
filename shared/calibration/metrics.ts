/**
 * How well a score ranks converting leads (SPEC §2.3 "report how well the score ranks converting
 * leads (AUC, lift by decile)"), plus a calibration table of predicted against observed rates.
 */

/**
 * Area under the ROC curve from ranks (Mann–Whitney U): the probability that a random converter
 * scores above a random non-converter, ties counting one half. Throws without both classes.
 */
export function computeAuc(scores: readonly number[], labels: readonly boolean[]): number {
  if (scores.length !== labels.length) throw new Error('AUC: one label per score');
  const order = scores.map((_, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1] ?? 0] === scores[order[start] ?? 0]) end += 1;
    // Tied scores share the average of their 1-based ranks.
    const averageRank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) {
      if (labels[order[i] ?? 0]) {
        positives += 1;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) throw new Error('AUC needs at least one converted and one other lead');
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** One tenth of the leads, best scores first (SPEC §2.3 "lift by decile"). */
export type DecileLift = {
  decile: number;
  count: number;
  positives: number;
  rate: number;
  /** rate / overall rate. */
  lift: number;
  /** Share of all converters found in this decile and the ones above it. */
  cumulativeCapture: number;
  minScore: number;
};

/** Lift by decile: leads sorted by score descending (ties by input order), cut into 10 groups. */
export function computeLiftByDecile(scores: readonly number[], labels: readonly boolean[]): DecileLift[] {
  const n = scores.length;
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const totalPositives = labels.filter(Boolean).length;
  const overall = n === 0 ? 0 : totalPositives / n;
  const result: DecileLift[] = [];
  let captured = 0;
  for (let decile = 1; decile <= 10; decile += 1) {
    const slice = order.slice(Math.round(((decile - 1) * n) / 10), Math.round((decile * n) / 10));
    const positives = slice.filter((i) => labels[i]).length;
    captured += positives;
    const rate = slice.length === 0 ? 0 : positives / slice.length;
    result.push({
      decile,
      count: slice.length,
      positives,
      rate,
      lift: overall === 0 ? 0 : rate / overall,
      cumulativeCapture: totalPositives === 0 ? 0 : captured / totalPositives,
      minScore: slice.length === 0 ? Number.NaN : Math.min(...slice.map((i) => scores[i] ?? 0)),
    });
  }
  return result;
}

/** One bin of predicted probability against the observed conversion rate. */
export type CalibrationBin = { from: number; to: number; count: number; meanPredicted: number; observedRate: number };

/** Calibration table over `bins` equal-width bins of predicted probability; empty bins are left out. */
export function computeCalibrationTable(
  probabilities: readonly number[],
  labels: readonly boolean[],
  bins = 10,
): CalibrationBin[] {
  const sums = Array.from({ length: bins }, () => ({ count: 0, predicted: 0, positives: 0 }));
  probabilities.forEach((p, i) => {
    const bin = sums[Math.min(bins - 1, Math.max(0, Math.floor(p * bins)))];
    if (!bin) return;
    bin.count += 1;
    bin.predicted += p;
    if (labels[i]) bin.positives += 1;
  });
  return sums.flatMap((s, b) =>
    s.count === 0
      ? []
      : [
          {
            from: b / bins,
            to: (b + 1) / bins,
            count: s.count,
            meanPredicted: s.predicted / s.count,
            observedRate: s.positives / s.count,
          },
        ],
  );
}
