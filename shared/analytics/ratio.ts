/**
 * Ratios of counts and sums (SPEC §2.6 rates, averages, costs per lead, ROI). Issue 15 asks for
 * division by zero to be defined: a ratio over nothing is `null` ("no data"), never 0, NaN or
 * Infinity, so a page shows "—" and a CSV an empty cell.
 *
 * @example divideOrNull(3, 4) // 0.75
 * @example divideOrNull(5, 0) // null
 */
export function divideOrNull(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
