/**
 * Splitting an amount of fen into integer parts that sum to it exactly (issue 15 "credit sums to
 * the enrolment's amount exactly in fen"): the largest-remainder method (Hamilton's method).
 */

/**
 * Splits `amountFen` in proportion to `weights` (non-negative integers, not all zero). Each part
 * gets the whole fen of its exact share `amountFen × weight / Σweights`; the fen left over (fewer
 * than there are parts) go one each to the parts with the largest remainders, ties to the earlier
 * part. So the parts sum to `amountFen`, and each differs from its exact share by less than 1 fen.
 *
 * The arithmetic is exact integer arithmetic on numbers: it throws when `amountFen × weight` would
 * leave the range of safe integers (2^53), far beyond any amount `amountFenSchema` admits.
 *
 * @example apportionFen(100, [1, 1, 1]) // [34, 33, 33]
 * @example apportionFen(1001, [2, 1, 2]) // [401, 200, 400]: 400.4, 200.2, 400.4; the spare fen goes to the first tie
 */
export function apportionFen(amountFen: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new Error(`not an amount of fen: ${amountFen}`);
  let total = 0;
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) throw new Error(`not a whole weight: ${weight}`);
    if (!Number.isSafeInteger(amountFen * weight)) throw new Error('amount × weight leaves exact integer range');
    total += weight;
  }
  if (total === 0) throw new Error('apportioning needs a positive weight');
  const parts = weights.map((weight) => {
    const product = amountFen * weight;
    const remainder = product % total;
    return { whole: (product - remainder) / total, remainder };
  });
  let leftover = amountFen - parts.reduce((sum, part) => sum + part.whole, 0);
  const byRemainder = parts.map((_, i) => i).sort((a, b) => (parts[b]?.remainder ?? 0) - (parts[a]?.remainder ?? 0));
  const result = parts.map((part) => part.whole);
  for (const i of byRemainder) {
    if (leftover === 0) break;
    result[i] = (result[i] ?? 0) + 1;
    leftover -= 1;
  }
  return result;
}
