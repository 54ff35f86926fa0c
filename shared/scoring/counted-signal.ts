/**
 * The arithmetic of counted signals (SPEC §2.3): which of a capped day's signals count (the
 * largest effect, ties by id), their points anchored at the state's anchor, and a rule's sum.
 */
import type { CountedSignal, RuleScoreState } from './score-state.js';
import type { EngagementRule } from './scoring-model.js';

export const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving), so its calendar day is a fixed offset. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar day number of an instant in Asia/Shanghai (UTC+8). */
export function getShanghaiDay(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Ordering of a capped day: larger |points|·2^(t/halfLife) first, then smaller id. */
export function compareEffect(a: CountedSignal, b: CountedSignal, halfLife: number): number {
  const rankA = Math.log2(Math.abs(a.points)) + a.atMs / halfLife;
  const rankB = Math.log2(Math.abs(b.points)) + b.atMs / halfLife;
  if (rankA !== rankB) return rankB - rankA;
  // Equivalent mutants: ties of equal effect only; ids within a (rule, day) are distinct and the
  // callers ask only whether the result is negative.
  // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, see above
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Where `entry` goes in a capped day's list, largest effect first: the index of the first counted
 * signal it beats, or the list's length; −1 when its id is already counted (a replay).
 */
export function findInsertIndex(counted: readonly CountedSignal[], entry: CountedSignal, halfLife: number): number {
  let position = -1;
  for (let i = 0; i < counted.length; i += 1) {
    const c = counted[i] as CountedSignal;
    if (c.id === entry.id) return -1;
    if (position === -1 && compareEffect(entry, c, halfLife) < 0) position = i;
  }
  return position === -1 ? counted.length : position;
}

/**
 * What a sum anchored at `anchorMs` is multiplied by to give its points at `atMs`; `atMs` earlier
 * than the newest signal is taken as the newest signal's time (SPEC §2.3 "recency decay").
 */
export function getAnchoredDecay(anchorMs: number, newestMs: number | null, halfLife: number, atMs: number): number {
  const nowMs = Math.max(atMs, newestMs ?? Number.NEGATIVE_INFINITY);
  return 2 ** ((anchorMs - nowMs) / halfLife);
}

/** Points anchored at `anchorMs`: points·2^((t − anchor)/halfLife). */
export function anchoredPoints(c: CountedSignal, anchorMs: number, halfLife: number): number {
  return c.points * 2 ** ((c.atMs - anchorMs) / halfLife);
}

/**
 * The entry of a threshold rule's days at which their running total, in time order, first
 * reaches `atLeast`, or undefined when it does not (entries carry amounts, not points). Entries
 * at one instant reach the total at that instant in whatever order they are added. Runs on every
 * signal the rule counts: whole days are added up without sorting until the one that gets there.
 */
export function findThresholdCrossing(rule: RuleScoreState, atLeast: number): CountedSignal | undefined {
  let total = 0;
  for (const { counted } of rule.days) {
    let dayTotal = 0;
    for (const c of counted) dayTotal += c.points;
    // Equivalent mutants: without the shortcut every day takes the sorted walk below, which adds
    // up the same entries to the same total.
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, see above
    if (total + dayTotal < atLeast) {
      total += dayTotal;
      continue;
    }
    // A day's list is ordered by effect; the total is taken in time order.
    for (const c of counted.slice().sort((a, b) => a.atMs - b.atMs)) {
      total += c.points;
      if (total >= atLeast) return c;
    }
  }
  return undefined;
}

/**
 * A rule's anchored sum from its days: every counted signal, oldest day first; with a `windowCap`
 * only that many of largest effect over all its days (issue 8 item 11); with a `threshold` its
 * points once, from the entry that passed it.
 */
export function sumRule(
  state: RuleScoreState,
  rule: Pick<EngagementRule, 'points' | 'windowCap' | 'threshold'> | undefined,
  anchorMs: number,
  halfLife: number,
): number {
  // Equivalent mutants: a state's rules are its model's (assertStateModel), so `rule` is always
  // found; the optional chaining is for the type.
  // Stryker disable next-line OptionalChaining: equivalent, see above
  if (rule?.threshold) {
    const crossing = findThresholdCrossing(state, rule.threshold.atLeast);
    return crossing ? rule.points * 2 ** ((crossing.atMs - anchorMs) / halfLife) : 0;
  }
  let sum = 0;
  // Stryker disable next-line OptionalChaining: equivalent, see above
  const windowCap = rule?.windowCap;
  if (windowCap === undefined) {
    for (const { counted } of state.days) for (const c of counted) sum += anchoredPoints(c, anchorMs, halfLife);
    return sum;
  }
  const strongest = state.days
    .flatMap((d) => d.counted)
    .sort((a, b) => compareEffect(a, b, halfLife))
    .slice(0, windowCap);
  for (const c of strongest) sum += anchoredPoints(c, anchorMs, halfLife);
  return sum;
}
