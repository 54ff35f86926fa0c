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
 */
import { z } from 'zod';
import { getEngagementPoints } from './engagement-rule.js';
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
  const draft: ScoreState = { ...state, sums: { ...state.sums }, days: { ...state.days } };
  return applyInPlace(draft, signal, model) ? draft : state;
}

/** Builds the state from all signals in one pass (the "recompute from scratch" path). */
export function buildScoreState(signals: Iterable<ScoringSignal>, model: ScoringModel): ScoreState {
  const state = createScoreState(model);
  for (const signal of signals) applyInPlace(state, signal, model);
  return state;
}

/**
 * Engagement points per rule at `now` (SPEC §2.3). `now` earlier than the newest signal is taken
 * as the newest signal's time, so a device clock ahead of ours cannot inflate a score.
 */
export function getEngagementAt(state: ScoreState, model: ScoringModel, now: Date): Record<string, number> {
  assertStateModel(state, model);
  const nowMs = Math.max(now.getTime(), state.newestMs ?? Number.NEGATIVE_INFINITY);
  const factor = 2 ** ((state.anchorMs - nowMs) / halfLifeMs(model));
  const result: Record<string, number> = {};
  for (const [ruleId, sum] of Object.entries(state.sums)) result[ruleId] = sum * factor;
  return result;
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

/** Mutates `state`; returns whether anything changed. Arrays in `state.days` are replaced, never edited. */
function applyInPlace(state: ScoreState, signal: ScoringSignal, model: ScoringModel): boolean {
  const matches: { ruleId: string; cap: number; points: number }[] = [];
  for (const rule of model.engagement.rules) {
    const points = getEngagementPoints(rule, signal);
    if (points !== 0) matches.push({ ruleId: rule.id, cap: rule.dailyCap, points });
  }
  // Signals no rule scores leave the state untouched (they must not move the window either).
  // Stryker disable next-line BooleanLiteral: `true` only hands back the unchanged copy instead of the equal input
  if (matches.length === 0) return false;
  const atMs = getSignalTimeMs(signal);
  const day = getShanghaiDay(atMs);
  // Equivalent mutants: Math.max(null, t) is t for any instant after 1970; the null check is for
  // the type.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  const newest = state.newestMs === null ? atMs : Math.max(state.newestMs, atMs);
  const firstDay = getShanghaiDay(newest) - model.decay.windowDays + 1;
  // Stryker disable next-line BooleanLiteral: `true` only hands back the unchanged copy instead of the equal input
  if (day < firstDay) return false;
  const halfLife = halfLifeMs(model);
  // Stryker disable next-line BooleanLiteral: rebuilding sums nobody invalidated gives the same sums
  let isRebuildNeeded = false;
  // Equivalent mutants: an anchor left at 0 is moved by the re-anchoring below or is close enough
  // for 2^x; looking for days to drop more often finds none more.
  // Stryker disable ConditionalExpression,EqualityOperator: equivalent, see above
  if (state.newestMs === null) state.anchorMs = atMs;
  else if (getShanghaiDay(newest) > getShanghaiDay(state.newestMs)) isRebuildNeeded = dropOldDays(state, firstDay);
  // Stryker restore ConditionalExpression,EqualityOperator
  // Equivalent mutants: re-anchoring sooner than needed gives the same sums; the bound only keeps
  // 2^x finite.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, see above
  if (Math.abs(atMs - state.anchorMs) / halfLife > MAX_ANCHOR_HALF_LIVES) {
    state.anchorMs = newest;
    isRebuildNeeded = true;
  }
  // Equivalent mutants: `true` only hands back an equal copy instead of the input (a test kills
  // `false`: a newer signal a full day does not count must still move `newestMs`).
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  let isChanged = isRebuildNeeded || state.newestMs !== newest;
  state.newestMs = newest;
  for (const { ruleId, cap, points } of matches) {
    const key = `${ruleId}@${day}`;
    const counted = state.days[key] ?? [];
    if (counted.some((c) => c.id === signal.id)) continue;
    const entry: CountedSignal = { id: signal.id, atMs, points };
    // Equivalent mutants: compareEffect is never 0 here (ids within a day are distinct), so `< 0`
    // and `<= 0` agree.
    // Stryker disable next-line EqualityOperator: equivalent, see above
    const position = counted.findIndex((c) => compareEffect(entry, c, halfLife) < 0);
    const index = position === -1 ? counted.length : position;
    if (index >= cap) continue;
    const next = [...counted.slice(0, index), entry, ...counted.slice(index)];
    const evicted = next.length > cap ? next.pop() : undefined;
    state.days[key] = next;
    isChanged = true;
    // Stryker disable next-line ConditionalExpression: sums added here would be replaced by the rebuild below anyway
    if (isRebuildNeeded) continue;
    const anchored = (c: CountedSignal) => c.points * 2 ** ((c.atMs - state.anchorMs) / halfLife);
    const sum = (state.sums[ruleId] ?? 0) + anchored(entry) - (evicted ? anchored(evicted) : 0);
    state.sums[ruleId] = sum;
  }
  // Stryker disable next-line ConditionalExpression: rebuilding sums nobody invalidated gives the same sums
  if (isRebuildNeeded) rebuildSums(state, halfLife);
  return isChanged;
}

/** Removes days before `firstDay`; returns whether any was removed. */
function dropOldDays(state: ScoreState, firstDay: number): boolean {
  // Stryker disable next-line BooleanLiteral: a rebuild nobody needed gives the same sums
  let isDropped = false;
  for (const key of Object.keys(state.days)) {
    if (Number(key.slice(key.lastIndexOf('@') + 1)) < firstDay) {
      delete state.days[key];
      isDropped = true;
    }
  }
  return isDropped;
}

/** Recomputes every anchored sum from the counted signals, in a fixed key order. */
function rebuildSums(state: ScoreState, halfLife: number): void {
  const sums: Record<string, number> = {};
  // Stryker disable next-line MethodExpression: the fixed order only makes the last bits of the sums reproducible
  for (const key of Object.keys(state.days).sort()) {
    const ruleId = key.slice(0, key.lastIndexOf('@'));
    let sum = sums[ruleId] ?? 0;
    // Stryker disable next-line ArrayDeclaration: unreachable, `key` comes from Object.keys(state.days)
    for (const c of state.days[key] ?? []) sum += c.points * 2 ** ((c.atMs - state.anchorMs) / halfLife);
    sums[ruleId] = sum;
  }
  state.sums = sums;
}
