/**
 * What one applied signal changed in a draft, per rule (SPEC §2.3 "which rule gave how many
 * points"): the score ledger's rows. `advanceLead` used to read every rule's points before and
 * after each signal and diff the two records; the draft knows which rules it wrote, so it keeps
 * their sums from before the signal and only those are compared. When a signal moves the window
 * (days dropped) or the anchor, every rule's sum may change: then all sums are kept first and every
 * rule is compared, as before.
 */
import { DAY_MS, getAnchoredDecay } from './counted-signal.js';
import type { RuleScoreState, ScoreState } from './score-state.js';
import type { ScoringModel } from './scoring-model.js';

export interface DraftChanges {
  /** The time of the signal being applied: the changes are its points at that instant. */
  atMs: number;
  /** The state's anchor and newest signal before the signal being applied. */
  anchorMs: number;
  newestMs: number | null;
  /**
   * The first `count` of `ruleIds` are the rules whose sums the signal changed, in the order
   * written, with their sums before it in `sumsBefore`. The arrays are reused from signal to
   * signal (a count reset, not `length = 0`: this runs for every signal of every batch).
   */
  count: number;
  ruleIds: string[];
  sumsBefore: number[];
  /** Every rule's sum before the signal, when the signal may have changed them all. */
  allSumsBefore: Map<string, number> | null;
}

export function createDraftChanges(): DraftChanges {
  // Equivalent mutants: what the arrays start with is never read, only their first `count` entries.
  // Stryker disable next-line ArrayDeclaration: equivalent, see above
  return { atMs: 0, anchorMs: 0, newestMs: null, count: 0, ruleIds: [], sumsBefore: [], allSumsBefore: null };
}

/** Forgets the last signal's changes: called as a signal starts to apply (it sets `atMs`). */
export function resetDraftChanges(changes: DraftChanges, state: ScoreState): void {
  changes.anchorMs = state.anchorMs;
  changes.newestMs = state.newestMs;
  changes.count = 0;
  changes.allSumsBefore = null;
}

/** Keeps every rule's sum: the signal is about to drop days or move the anchor. */
export function keepAllSums(changes: DraftChanges, rules: Readonly<Record<string, RuleScoreState>>): void {
  if (changes.allSumsBefore) return;
  const sums = new Map<string, number>();
  for (const ruleId in rules) sums.set(ruleId, (rules[ruleId] as RuleScoreState).sum);
  changes.allSumsBefore = sums;
}

/**
 * Keeps one rule's sum before the signal writes it. Called once per rule a signal counts in
 * (`applyToDraft` takes each of the signal's rules once), so a rule is never kept twice.
 */
export function keepRuleSum(changes: DraftChanges, ruleId: string, sum: number): void {
  // Equivalent mutant: keeping it as well when every sum is kept changes nothing read.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  if (changes.allSumsBefore) return;
  const { count } = changes;
  changes.ruleIds[count] = ruleId;
  changes.sumsBefore[count] = sum;
  changes.count = count + 1;
}

/**
 * Calls `visit` with each rule's points after the signal minus its points before, both at the
 * signal's time, for the rules the signal may have changed, in model order: equal to diffing
 * `getEngagementAt` at that time before and after. A rule it did not change is not visited (its
 * difference is exactly 0). At the signal's time the decay factor moves only with the anchor:
 * `max(at, newest)` is the same before and after it.
 */
export function visitPointChanges(
  changes: DraftChanges,
  state: ScoreState,
  model: ScoringModel,
  visit: (ruleId: string, points: number) => void,
): void {
  const { atMs } = changes;
  const halfLife = model.decay.halfLifeDays * DAY_MS;
  const before = getAnchoredDecay(changes.anchorMs, changes.newestMs, halfLife, atMs);
  const after = getAnchoredDecay(state.anchorMs, state.newestMs, halfLife, atMs);
  const pointsAfter = (ruleId: string) => (state.rules[ruleId]?.sum ?? 0) * after;
  if (changes.allSumsBefore) {
    for (const { id } of model.engagement.rules)
      visit(id, pointsAfter(id) - (changes.allSumsBefore.get(id) ?? 0) * before);
    return;
  }
  for (let i = 0; i < changes.count; i += 1) {
    const ruleId = changes.ruleIds[i] as string;
    visit(ruleId, pointsAfter(ruleId) - (changes.sumsBefore[i] as number) * before);
  }
}
