/**
 * Incremental engagement state (SPEC §2.3 "recency decay with a half-life", "per-type daily caps").
 *
 * Engagement at `now` is Σ points·2^((t − now)/halfLife) over the counted signals. The state keeps,
 * per rule, that sum anchored at `anchorMs` (Σ points·2^((t − anchor)/halfLife)), so any `now` is
 * one multiplication away and nothing is rewritten nightly. A capped (rule, day) counts the
 * `dailyCap` signals with the largest effect (|points| and recency, ties by id): a set that does
 * not depend on arrival order, so a stored state plus one signal equals a rebuild from all
 * signals. Those counted signals are kept per (rule, Shanghai day); that list also makes a replayed
 * id a no-op. Days more than `windowDays` before the newest signal are dropped, which bounds the
 * state by windowDays × Σ dailyCap entries. Dropping is the one way a positive signal can lower a
 * score, by what leaves the window: < 2^(−windowDays/halfLifeDays) of its points (6e-8 by default).
 * A rule with a `windowCap` keeps its day lists the same way, and its sum counts only the
 * `windowCap` entries of largest effect among them: a function of the day lists, so it does not
 * depend on arrival order either (issue 8 item 11).
 */
import { z } from 'zod';
import { getEngagementPoints } from './engagement-rule.js';
import { getEngagementRuleIndex } from './rule-index.js';
import type { ScoringModel } from './scoring-model.js';
import { getSignalTimeMs, type ScoringSignal } from './scoring-signal.js';

const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving), so its calendar day is a fixed offset. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Re-anchor before 2^(t − anchor) grows past 2^256 (far below the 2^1024 overflow). */
const MAX_ANCHOR_HALF_LIVES = 256;

const countedSignalSchema = z.strictObject({ id: z.string(), atMs: z.number(), points: z.number() });
export type CountedSignal = z.infer<typeof countedSignalSchema>;

/** The stored engagement state of one lead under one model (JSON-serialisable, bounded). */
export const scoreStateSchema = z.strictObject({
  modelId: z.string(),
  modelVersion: z.number().int(),
  anchorMs: z.number().finite(),
  newestMs: z.number().finite().nullable(),
  /** Per rule id: Σ points·2^((t − anchorMs)/halfLife) of its counted signals. */
  sums: z.record(z.string(), z.number().finite()),
  /** Per `ruleId@day` (day number in Asia/Shanghai): counted signals, largest effect first. */
  days: z.record(z.string(), z.array(countedSignalSchema)),
});
export type ScoreState = z.infer<typeof scoreStateSchema>;

/** The calendar day number of an instant in Asia/Shanghai (UTC+8). */
export function getShanghaiDay(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** An empty state for `model`: no engagement yet (SPEC §2.3). */
export function createScoreState(model: ScoringModel): ScoreState {
  return { modelId: model.id, modelVersion: model.version, anchorMs: 0, newestMs: null, sums: {}, days: {} };
}

/** Throws when the state was built under another model: rebuild it from the signals (SPEC §2.3). */
export function assertStateModel(state: ScoreState, model: ScoringModel): void {
  if (state.modelId !== model.id || state.modelVersion !== model.version) {
    throw new Error(
      `score state is for model ${state.modelId} v${state.modelVersion}, not ${model.id} v${model.version}: rebuild it`,
    );
  }
}

/**
 * Applies one signal and returns the new state; the input is not modified (SPEC §2.3
 * "incremental"). Applying a signal whose id was already applied returns an equal state.
 */
export function applyScoringSignal(state: ScoreState, signal: ScoringSignal, model: ScoringModel): ScoreState {
  assertStateModel(state, model);
  const draft = openDraft(state);
  return applyToDraft(draft, signal, model) ? draft.state : state;
}

/**
 * Applies signals in the order given and returns the new state, equal to applying them one by
 * one with `applyScoringSignal`; the input is not modified. Cheaper per signal: the state is
 * copied once per call, not once per signal.
 *
 * @example
 * const state = applyScoringSignals(lead.scoreState, batch, model);
 */
export function applyScoringSignals(
  state: ScoreState,
  signals: Iterable<ScoringSignal>,
  model: ScoringModel,
): ScoreState {
  const draft = openScoreStateDraft(state, model);
  let isChanged = false;
  for (const signal of signals) isChanged = draft.apply(signal) || isChanged;
  return isChanged ? draft.state : state;
}

/**
 * A working copy of a lead's score state that one caller advances in place, signal by signal,
 * reading the state (to score it) in between, as `advanceLead` does for a batch (SPEC §2.3
 * "incremental"). The caller's state is copied once, lazily, and never modified; `state` is the
 * same object throughout, changed by each `apply`, so keep only its last value.
 *
 * @example
 * const draft = openScoreStateDraft(stored, model);
 * for (const signal of batch) if (draft.apply(signal)) scoreLead({ profile, state: draft.state, model, now });
 */
export interface ScoreStateDraft {
  /** The state after the signals applied so far. */
  readonly state: ScoreState;
  /** Applies one signal; returns whether the state changed (as `applyScoringSignal` would). */
  apply(signal: ScoringSignal): boolean;
}

export function openScoreStateDraft(state: ScoreState, model: ScoringModel): ScoreStateDraft {
  assertStateModel(state, model);
  const draft = openDraft(state);
  return {
    get state() {
      return draft.state;
    },
    apply: (signal) => applyToDraft(draft, signal, model),
  };
}

/** Builds the state from all signals in one pass (the "recompute from scratch" path). */
export function buildScoreState(signals: Iterable<ScoringSignal>, model: ScoringModel): ScoreState {
  const draft: Draft = { state: createScoreState(model), ownsDays: true, ownsSums: true, minKeyDay: undefined };
  for (const signal of signals) applyToDraft(draft, signal, model);
  return draft.state;
}

/**
 * Engagement points per rule at `now` (SPEC §2.3). `now` earlier than the newest signal is taken
 * as the newest signal's time, so a device clock ahead of ours cannot inflate a score.
 */
export function getEngagementAt(state: ScoreState, model: ScoringModel, now: Date): Record<string, number> {
  const factor = getDecayFactor(state, model, now);
  const result: Record<string, number> = {};
  for (const [ruleId, sum] of Object.entries(state.sums)) result[ruleId] = sum * factor;
  return result;
}

/**
 * What an anchored sum in `state.sums` is multiplied by to give its points at `now`: the one
 * multiplication that makes engagement at any `now` cheap (SPEC §2.3 "recency decay").
 */
export function getDecayFactor(state: ScoreState, model: ScoringModel, now: Date): number {
  assertStateModel(state, model);
  const nowMs = Math.max(now.getTime(), state.newestMs ?? Number.NEGATIVE_INFINITY);
  return 2 ** ((state.anchorMs - nowMs) / halfLifeMs(model));
}

function halfLifeMs(model: ScoringModel): number {
  return model.decay.halfLifeDays * DAY_MS;
}

/** Ordering of a capped day: larger |points|·2^(t/halfLife) first, then smaller id. */
function compareEffect(a: CountedSignal, b: CountedSignal, halfLife: number): number {
  const rankA = Math.log2(Math.abs(a.points)) + a.atMs / halfLife;
  const rankB = Math.log2(Math.abs(b.points)) + b.atMs / halfLife;
  if (rankA !== rankB) return rankB - rankA;
  // Equivalent mutants: ties of equal effect only; ids within a (rule, day) are distinct and the
  // one caller asks only whether the result is negative.
  // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, see above
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The working copy one call applies signals to, in place (SPEC §2.3 "incremental", kept cheap):
 * a shallow copy of the caller's state whose `days` and `sums` maps are copied on their first
 * write, so the caller's state is never modified and an unchanged map is not copied at all.
 */
interface Draft {
  state: ScoreState;
  ownsDays: boolean;
  ownsSums: boolean;
  /** The smallest day among the keys of `state.days`, found on first need (a scan of the keys). */
  minKeyDay: number | undefined;
}

function openDraft(state: ScoreState): Draft {
  return { state: { ...state }, ownsDays: false, ownsSums: false, minKeyDay: undefined };
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

/** A rule that values the signal: its id, daily cap and points. */
interface Match {
  ruleId: string;
  cap: number;
  points: number;
  hasWindowCap: boolean;
}

/** Points anchored at `anchorMs`: points·2^((t − anchor)/halfLife). */
function anchoredPoints(c: CountedSignal, anchorMs: number, halfLife: number): number {
  return c.points * 2 ** ((c.atMs - anchorMs) / halfLife);
}

/** Applies `signal` to the draft; returns whether anything changed. Arrays in `days` are replaced, never edited. */
function applyToDraft(draft: Draft, signal: ScoringSignal, model: ScoringModel): boolean {
  const matches: Match[] = [];
  for (const rule of getEngagementRuleIndex(model).bySignal.get(signal.type) ?? []) {
    const points = getEngagementPoints(rule, signal);
    if (points !== 0)
      matches.push({ ruleId: rule.id, cap: rule.dailyCap, points, hasWindowCap: rule.windowCap !== undefined });
  }
  // Signals no rule scores leave the state untouched (they must not move the window either).
  // Stryker disable next-line BooleanLiteral: `true` only hands back the unchanged copy instead of the equal input
  if (matches.length === 0) return false;
  const state = draft.state;
  const atMs = getSignalTimeMs(signal);
  const day = getShanghaiDay(atMs);
  // Equivalent mutants: Math.max(null, t) is t for any instant after 1970; the null check is for
  // the type.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  const newest = state.newestMs === null ? atMs : Math.max(state.newestMs, atMs);
  const newestDay = getShanghaiDay(newest);
  const firstDay = newestDay - model.decay.windowDays + 1;
  if (day < firstDay) return false;
  const halfLife = halfLifeMs(model);
  // Stryker disable next-line BooleanLiteral: rebuilding sums nobody invalidated gives the same sums
  let isRebuildNeeded = false;
  // Equivalent mutants: an anchor left at 0 is moved by the re-anchoring below or is close enough
  // for 2^x; looking for days to drop more often finds none more.
  // Stryker disable ConditionalExpression,EqualityOperator: equivalent, see above
  if (state.newestMs === null) state.anchorMs = atMs;
  else if (newestDay > getShanghaiDay(state.newestMs)) isRebuildNeeded = dropOldDays(draft, firstDay);
  if (Math.abs(atMs - state.anchorMs) / halfLife > MAX_ANCHOR_HALF_LIVES) {
    state.anchorMs = newest;
    isRebuildNeeded = true;
  }
  // Equivalent mutants: `true` only hands back an equal copy instead of the input (a test kills
  // `false`: a newer signal a full day does not count must still move `newestMs`).
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  let isChanged = isRebuildNeeded || state.newestMs !== newest;
  state.newestMs = newest;
  for (const { ruleId, cap, points, hasWindowCap } of matches) {
    const key = `${ruleId}@${day}`;
    const counted = state.days[key] ?? [];
    const entry: CountedSignal = { id: signal.id, atMs, points };
    const index = findInsertIndex(counted, entry, halfLife);
    if (index === -1 || index >= cap) continue;
    const next = counted.slice(0, index);
    next.push(entry);
    for (let i = index; i < counted.length; i += 1) next.push(counted[i] as CountedSignal);
    const evicted = next.length > cap ? next.pop() : undefined;
    if (!draft.ownsDays) {
      state.days = copyRecord(state.days);
      draft.ownsDays = true;
    }
    state.days[key] = next;
    if (draft.minKeyDay !== undefined && day < draft.minKeyDay) draft.minKeyDay = day;
    isChanged = true;
    // Stryker disable next-line ConditionalExpression: sums added here would be replaced by the rebuild below anyway
    if (isRebuildNeeded) continue;
    if (!draft.ownsSums) {
      state.sums = copyRecord(state.sums);
      draft.ownsSums = true;
    }
    if (hasWindowCap) {
      // Which entries count depends on all of the rule's days: sum them again (a rare signal).
      state.sums[ruleId] = sumCounted(listCountedSignals(state, model).get(ruleId) ?? [], state.anchorMs, halfLife);
      continue;
    }
    const removed = evicted ? anchoredPoints(evicted, state.anchorMs, halfLife) : 0;
    state.sums[ruleId] = (state.sums[ruleId] ?? 0) + anchoredPoints(entry, state.anchorMs, halfLife) - removed;
  }
  if (isRebuildNeeded) {
    rebuildSums(state, model);
    draft.ownsSums = true;
  }
  return isChanged;
}

/**
 * Where `entry` goes in a capped day's list, largest effect first: the index of the first counted
 * signal it beats, or the list's length; −1 when its id is already counted (a replay).
 */
function findInsertIndex(counted: readonly CountedSignal[], entry: CountedSignal, halfLife: number): number {
  let position = -1;
  for (let i = 0; i < counted.length; i += 1) {
    const c = counted[i] as CountedSignal;
    if (c.id === entry.id) return -1;
    if (position === -1 && compareEffect(entry, c, halfLife) < 0) position = i;
  }
  return position === -1 ? counted.length : position;
}

/**
 * The Shanghai day number a `days` key ends with (`ruleId@day`). Hand-parsed: slicing and
 * `Number()` on every key took more time than the rest of applying a signal; anything but an
 * optional minus and digits after the `@` goes to `Number()`, so the result is the same.
 */
function getKeyDay(key: string): number {
  const at = key.lastIndexOf('@');
  const isNegative = key.charCodeAt(at + 1) === 45; // '-'
  const start = isNegative ? at + 2 : at + 1;
  let day = 0;
  for (let i = start; i < key.length; i += 1) {
    const digit = key.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(key.slice(at + 1));
    day = day * 10 + digit;
  }
  if (start === key.length || key.length - start > 15) return Number(key.slice(at + 1));
  return isNegative ? -day : day;
}

/** The smallest day among the keys (keys that are not numbers never leave the window). */
function findMinKeyDay(days: ScoreState['days']): number {
  let min = Number.POSITIVE_INFINITY;
  for (const key in days) {
    const day = getKeyDay(key);
    if (day < min) min = day;
  }
  return min;
}

/**
 * Removes days before `firstDay`; returns whether any was removed. Builds a new map of the kept
 * days rather than deleting keys: `delete` turns a V8 object into a slow dictionary, and every
 * later copy of it stays slow. The draft's smallest day makes the check free after one scan.
 */
function dropOldDays(draft: Draft, firstDay: number): boolean {
  draft.minKeyDay ??= findMinKeyDay(draft.state.days);
  if (!(draft.minKeyDay < firstDay)) return false;
  const days = draft.state.days;
  const kept: ScoreState['days'] = {};
  let min = Number.POSITIVE_INFINITY;
  for (const key in days) {
    const day = getKeyDay(key);
    if (day < firstDay) continue;
    kept[key] = days[key] as CountedSignal[];
    if (day < min) min = day;
  }
  draft.state.days = kept;
  draft.ownsDays = true;
  draft.minKeyDay = min;
  return true;
}

/**
 * The signals that count, per rule id: each day's capped list and, for a rule with a `windowCap`,
 * only that many over the window, largest effect first (SPEC §2.3; calibration reads the same).
 */
export function listCountedSignals(state: ScoreState, model: ScoringModel): Map<string, CountedSignal[]> {
  const byRule = new Map<string, CountedSignal[]>();
  for (const key of Object.keys(state.days).sort()) {
    const ruleId = key.slice(0, key.lastIndexOf('@'));
    const list = byRule.get(ruleId);
    if (list) list.push(...(state.days[key] ?? []));
    else byRule.set(ruleId, [...(state.days[key] ?? [])]);
  }
  const halfLife = halfLifeMs(model);
  for (const rule of model.engagement.rules) {
    const counted = byRule.get(rule.id);
    if (rule.windowCap === undefined || !counted || counted.length <= rule.windowCap) continue;
    byRule.set(rule.id, counted.sort((a, b) => compareEffect(a, b, halfLife)).slice(0, rule.windowCap));
  }
  return byRule;
}

function sumCounted(counted: readonly CountedSignal[], anchorMs: number, halfLife: number): number {
  let sum = 0;
  for (const c of counted) sum += anchoredPoints(c, anchorMs, halfLife);
  return sum;
}

/** Recomputes every anchored sum from the counted signals, in a fixed order. */
function rebuildSums(state: ScoreState, model: ScoringModel): void {
  const sums: Record<string, number> = {};
  const halfLife = halfLifeMs(model);
  for (const [ruleId, counted] of listCountedSignals(state, model))
    sums[ruleId] = sumCounted(counted, state.anchorMs, halfLife);
  state.sums = sums;
}
