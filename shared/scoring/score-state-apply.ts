/**
 * Applying a signal to a score state in place, inside one call (SPEC §2.3 "incremental", kept
 * cheap). The working copy starts as a shallow copy of the caller's state; its rules map and a
 * rule's state are copied on their first write and changed in place from then on. A day is a
 * value: a signal counted on a day the rule has replaces that day (its list holds at most
 * `dailyCap` entries), one on a new day adds one. So the caller's state is never modified, and
 * nothing a batch does not touch is copied.
 */
import { anchoredPoints, DAY_MS, findInsertIndex, getShanghaiDay, sumRule } from './counted-signal.js';
import { measureRuleEntry } from './engagement-rule.js';
import { getEngagementRuleIndex } from './rule-index.js';
import type { CountedDay, CountedSignal, RuleScoreState, ScoreState } from './score-state.js';
import { type DraftChanges, keepAllSums, keepRuleSum, resetDraftChanges } from './score-state-changes.js';
import type { EngagementRule, ScoringModel } from './scoring-model.js';
import { getSignalTimeMs, type ScoringSignal } from './scoring-signal.js';

/** Re-anchor before 2^(t − anchor) grows past 2^256 (far below the 2^1024 overflow). */
const MAX_ANCHOR_HALF_LIVES = 256;
const NO_DAYS: readonly CountedDay[] = [];
const NO_SIGNALS: readonly CountedSignal[] = [];

/** The working copy one call applies signals to, with what it reads of the model per signal. */
export interface Draft {
  state: ScoreState;
  model: ScoringModel;
  rulesBySignal: ReadonlyMap<string, readonly EngagementRule[]>;
  halfLife: number;
  /** Whether `state.rules` is the draft's own map. */
  ownsRules: boolean;
  /** The rule states the draft made or copied: its own to change in place. */
  ownedRules: Set<RuleScoreState>;
  /** What the signal being applied changed, kept only for a caller that reads it (the ledger). */
  changes: DraftChanges | null;
}

export function openDraft(state: ScoreState, model: ScoringModel, changes: DraftChanges | null = null): Draft {
  return {
    state: { ...state },
    model,
    rulesBySignal: getEngagementRuleIndex(model).bySignal,
    halfLife: model.decay.halfLifeDays * DAY_MS,
    ownsRules: false,
    ownedRules: new Set(),
    changes,
  };
}

/**
 * A copy of a map that is about to get keys. V8 copies an object in one step by spread, but the
 * copy gets a hidden class of its own, so every key added to it builds another one; an empty map
 * (a new lead's) is better started as a fresh literal, whose added keys reuse hidden classes.
 */
function copyRecord<T>(record: Record<string, T>): Record<string, T> {
  for (const _ in record) return { ...record };
  return {};
}

/** The state of rule `ruleId`, the draft's own to change: copied on its first write, or new. */
function ownRule(draft: Draft, ruleId: string): RuleScoreState {
  const state = draft.state;
  if (!draft.ownsRules) {
    state.rules = copyRecord(state.rules);
    draft.ownsRules = true;
  }
  const rule = state.rules[ruleId];
  if (rule !== undefined && draft.ownedRules.has(rule)) return rule;
  const own: RuleScoreState = rule === undefined ? { sum: 0, days: [] } : { sum: rule.sum, days: rule.days.slice() };
  state.rules[ruleId] = own;
  draft.ownedRules.add(own);
  return own;
}

/** Inserts `item` at `index` in place (`splice` would allocate the array of removed items). */
function insertAt<T>(list: T[], index: number, item: T): void {
  list.push(item);
  for (let i = list.length - 1; i > index; i -= 1) list[i] = list[i - 1] as T;
  list[index] = item;
}

/**
 * The index of the first of `days` (oldest first) that is `day` or later, or their count. Searched
 * from the newest end: signals mostly arrive on the newest day or a new one.
 */
function findDayPosition(days: readonly CountedDay[], day: number): number {
  let position = days.length;
  while (position > 0 && (days[position - 1] as CountedDay).day >= day) position -= 1;
  return position;
}

/** Applies `signal` to the draft; returns whether anything changed. */
export function applyToDraft(draft: Draft, signal: ScoringSignal): boolean {
  if (draft.changes) resetDraftChanges(draft.changes, draft.state);
  const rules = draft.rulesBySignal.get(signal.type) ?? [];
  // Signals no rule scores leave the state untouched (they must not move the window either).
  let first = 0;
  let firstPoints = 0;
  for (; first < rules.length; first += 1) {
    firstPoints = measureRuleEntry(rules[first] as EngagementRule, signal);
    if (firstPoints !== 0) break;
  }
  if (first === rules.length) return false;
  const { state, model, halfLife } = draft;
  const atMs = getSignalTimeMs(signal);
  if (draft.changes) draft.changes.atMs = atMs;
  const day = getShanghaiDay(atMs);
  // Equivalent mutants: Math.max(null, t) is t for any instant after 1970; the null check is for
  // the type.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  const newest = state.newestMs === null ? atMs : Math.max(state.newestMs, atMs);
  const newestDay = getShanghaiDay(newest);
  const firstDay = newestDay - model.decay.windowDays + 1;
  if (day < firstDay) return false;
  // Stryker disable next-line BooleanLiteral: rebuilding sums nobody invalidated gives the same sums
  let isRebuildNeeded = false;
  // Equivalent mutants: an anchor left at 0 is moved by the re-anchoring below or is close enough
  // for 2^x; looking for days to drop more often finds none more.
  // Stryker disable ConditionalExpression,EqualityOperator: equivalent, see above
  if (state.newestMs === null) moveAnchor(draft, atMs);
  else if (newestDay > getShanghaiDay(state.newestMs)) isRebuildNeeded = dropDaysBefore(draft, firstDay);
  // Stryker restore ConditionalExpression,EqualityOperator
  if (Math.abs(atMs - state.anchorMs) / halfLife > MAX_ANCHOR_HALF_LIVES) {
    moveAnchor(draft, newest);
    isRebuildNeeded = true;
  }
  // Equivalent mutants: `true` only hands back an equal copy instead of the input (a test kills
  // `false`: a newer signal a full day does not count must still move `newestMs`).
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  let isChanged = isRebuildNeeded || state.newestMs !== newest;
  state.newestMs = newest;
  for (let i = first; i < rules.length; i += 1) {
    const rule = rules[i] as EngagementRule;
    const points = i === first ? firstPoints : measureRuleEntry(rule, signal);
    if (points === 0) continue;
    if (countSignal(draft, rule, { id: signal.id, atMs, points }, day, isRebuildNeeded)) isChanged = true;
  }
  if (isRebuildNeeded) rebuildSums(draft);
  return isChanged;
}

/** Moves the anchor every sum is kept at; every sum then changes (it is rebuilt or still empty). */
function moveAnchor(draft: Draft, anchorMs: number): void {
  if (draft.changes) keepAllSums(draft.changes, draft.state.rules);
  draft.state.anchorMs = anchorMs;
}

/**
 * Counts `entry` on its day under `rule` when it is among the day's `dailyCap` strongest, pushing
 * out the weakest; keeps the rule's sum unless all sums are rebuilt after. Returns whether it
 * counted.
 */
function countSignal(
  draft: Draft,
  rule: EngagementRule,
  entry: CountedSignal,
  day: number,
  isRebuildNeeded: boolean,
): boolean {
  const { halfLife } = draft;
  const days = draft.state.rules[rule.id]?.days ?? NO_DAYS;
  const position = findDayPosition(days, day);
  const isDayKnown = days[position]?.day === day;
  const counted = isDayKnown ? (days[position] as CountedDay).counted : NO_SIGNALS;
  const index = findInsertIndex(counted, entry, halfLife);
  if (index === -1 || index >= rule.dailyCap) return false;
  const own = ownRule(draft, rule.id);
  if (draft.changes) keepRuleSum(draft.changes, rule.id, own.sum);
  let evicted: CountedSignal | undefined;
  if (isDayKnown) {
    const next = counted.slice(0, index);
    next.push(entry);
    for (let i = index; i < counted.length; i += 1) next.push(counted[i] as CountedSignal);
    evicted = next.length > rule.dailyCap ? next.pop() : undefined;
    own.days[position] = { day, counted: next };
  } else {
    insertAt(own.days, position, { day, counted: [entry] });
  }
  // Stryker disable next-line ConditionalExpression: a sum kept here would be replaced by the rebuild anyway
  if (isRebuildNeeded) return true;
  const { anchorMs } = draft.state;
  if (rule.windowCap !== undefined || rule.threshold) {
    // Which entries count depends on all of the rule's days: sum them again (for a threshold,
    // where its total is passed).
    own.sum = sumRule(own, rule, anchorMs, halfLife);
  } else {
    const removed = evicted ? anchoredPoints(evicted, anchorMs, halfLife) : 0;
    own.sum = own.sum + anchoredPoints(entry, anchorMs, halfLife) - removed;
  }
  return true;
}

/**
 * Removes the days before `firstDay`; returns whether any was removed. Builds a new map of what
 * stays rather than deleting keys: `delete` turns a V8 object into a slow dictionary, and every
 * later copy of it stays slow. A rule with no day left leaves the map.
 */
function dropDaysBefore(draft: Draft, firstDay: number): boolean {
  const rules = draft.state.rules;
  let isAnyBefore = false;
  for (const ruleId in rules) {
    if (((rules[ruleId] as RuleScoreState).days[0] as CountedDay).day < firstDay) isAnyBefore = true;
  }
  if (!isAnyBefore) return false;
  if (draft.changes) keepAllSums(draft.changes, rules);
  const kept: Record<string, RuleScoreState> = {};
  for (const ruleId in rules) {
    const rule = rules[ruleId] as RuleScoreState;
    let start = 0;
    while (start < rule.days.length && (rule.days[start] as CountedDay).day < firstDay) start += 1;
    if (start === rule.days.length) continue;
    // Stryker disable next-line ConditionalExpression: equivalent, a copy of all days instead of the same days
    if (start === 0) {
      kept[ruleId] = rule;
      continue;
    }
    const own: RuleScoreState = { sum: rule.sum, days: rule.days.slice(start) };
    draft.ownedRules.add(own);
    kept[ruleId] = own;
  }
  draft.state.rules = kept;
  draft.ownsRules = true;
  return true;
}

/** Recomputes every rule's anchored sum from its days. */
function rebuildSums(draft: Draft): void {
  const { byId } = getEngagementRuleIndex(draft.model);
  for (const ruleId of Object.keys(draft.state.rules)) {
    const rule = ownRule(draft, ruleId);
    rule.sum = sumRule(rule, byId.get(ruleId), draft.state.anchorMs, draft.halfLife);
  }
}
