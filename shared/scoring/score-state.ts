/**
 * Incremental engagement state (SPEC §2.3 "recency decay with a half-life", "per-type daily caps").
 *
 * Engagement at `now` is Σ points·2^((t − now)/halfLife) over the counted signals. The state keeps,
 * per rule, that sum anchored at `anchorMs` (Σ points·2^((t − anchor)/halfLife)), so any `now` is
 * one multiplication away and nothing is rewritten nightly. A capped (rule, day) counts the
 * `dailyCap` signals with the largest effect (|points| and recency, ties by id): a set that does
 * not depend on arrival order, so a stored state plus one signal equals a rebuild from all
 * signals. Those counted signals are kept per rule and Shanghai day; that list also makes a
 * replayed id a no-op. Days more than `windowDays` before the newest signal are dropped, which
 * bounds the state by windowDays × Σ dailyCap entries. Dropping is the one way a positive signal
 * can lower a score, by what leaves the window: < 2^(−windowDays/halfLifeDays) of its points (6e-8
 * by default). A rule with a `windowCap` keeps its day lists the same way, and its sum counts only
 * the `windowCap` entries of largest effect among them: a function of the day lists, so it does
 * not depend on arrival order either (issue 8 item 11). A rule with a `threshold` keeps its day
 * lists too, each entry carrying the signal's amount of the prop instead of points (the largest
 * `dailyCap` amounts of a day), and its sum is its points once, anchored at the entry where the
 * running total over the days, in time order, first reaches the threshold: again a function of
 * the day lists. When days leave the window the total is taken again without them, so the points
 * may move to a later entry or go.
 *
 * Format 2 keeps each rule's sum beside its days, oldest day first (format 1 keyed a map by
 * `rule@day`: a new key on most events, which made applying a signal slow). A stored state of
 * another format does not parse, and the server rebuilds it from the lead's touchpoints.
 */
import { z } from 'zod';
import { compareEffect, DAY_MS, findThresholdCrossing, getAnchoredDecay } from './counted-signal.js';
import { applyToDraft, type Draft, openDraft } from './score-state-apply.js';
import { createDraftChanges, type DraftChanges, visitPointChanges } from './score-state-changes.js';
import type { ScoringModel } from './scoring-model.js';
import type { ScoringSignal } from './scoring-signal.js';

/** The stored shape's number; a state of another format is rebuilt (see above). */
export const SCORE_STATE_FORMAT = 2;

/** `points`: the signal's points under the rule, or under a threshold rule its amount of the prop. */
const countedSignalSchema = z.strictObject({ id: z.string(), atMs: z.number(), points: z.number() });
export type CountedSignal = z.infer<typeof countedSignalSchema>;

/** One Shanghai day of one rule: its counted signals, largest effect first (at most `dailyCap`). */
const countedDaySchema = z.strictObject({ day: z.number().int(), counted: z.array(countedSignalSchema).min(1) });
export type CountedDay = z.infer<typeof countedDaySchema>;

/** One rule's part of the state. */
const ruleScoreStateSchema = z.strictObject({
  /** Σ points·2^((t − anchorMs)/halfLife) of the rule's counted signals. */
  sum: z.number().finite(),
  /** The days with counted signals, oldest first, each day once. */
  days: z
    .array(countedDaySchema)
    .min(1)
    .refine((days) => days.every((d, i) => i === 0 || (days[i - 1] as CountedDay).day < d.day), {
      error: 'days: oldest first, each day once',
    }),
});
export type RuleScoreState = z.infer<typeof ruleScoreStateSchema>;

/** The stored engagement state of one lead under one model (JSON-serialisable, bounded). */
export const scoreStateSchema = z.strictObject({
  format: z.literal(SCORE_STATE_FORMAT),
  modelId: z.string(),
  modelVersion: z.number().int(),
  anchorMs: z.number().finite(),
  newestMs: z.number().finite().nullable(),
  /** Per rule id, the rules with counted signals. */
  rules: z.record(z.string(), ruleScoreStateSchema),
});
export type ScoreState = z.infer<typeof scoreStateSchema>;

export { getShanghaiDay } from './counted-signal.js';

/** An empty state for `model`: no engagement yet (SPEC §2.3). */
export function createScoreState(model: ScoringModel): ScoreState {
  return {
    format: SCORE_STATE_FORMAT,
    modelId: model.id,
    modelVersion: model.version,
    anchorMs: 0,
    newestMs: null,
    rules: {},
  };
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
  const draft = openDraft(state, model);
  return applyToDraft(draft, signal) ? draft.state : state;
}

/**
 * Applies signals in the order given and returns the new state, equal to applying them one by
 * one with `applyScoringSignal`; the input is not modified. Cheaper per signal: what the batch
 * changes is copied once per call, not once per signal.
 *
 * @example
 * const state = applyScoringSignals(lead.scoreState, batch, model);
 */
export function applyScoringSignals(
  state: ScoreState,
  signals: Iterable<ScoringSignal>,
  model: ScoringModel,
): ScoreState {
  assertStateModel(state, model);
  const draft = openDraft(state, model);
  let isChanged = false;
  for (const signal of signals) isChanged = applyToDraft(draft, signal) || isChanged;
  return isChanged ? draft.state : state;
}

/**
 * A working copy of a lead's score state that one caller advances in place, signal by signal,
 * reading the state (to score it) in between, as `advanceLead` does for a batch (SPEC §2.3
 * "incremental"). What the caller's state shares is copied on its first write and never
 * modified; `state` is the same object throughout, changed by each `apply`, so keep only its last
 * value.
 *
 * @example
 * const draft = openScoreStateDraft(stored, model);
 * for (const signal of batch) if (draft.apply(signal)) scoreLeadTotals({ profile, state: draft.state, model, now });
 */
export interface ScoreStateDraft {
  /** The state after the signals applied so far. */
  readonly state: ScoreState;
  /** Applies one signal; returns whether the state changed (as `applyScoringSignal` would). */
  apply(signal: ScoringSignal): boolean;
  /**
   * Calls `visit` with the points each rule gained or lost by the last `apply`, at that signal's
   * time (the score ledger), in model order: the difference of `getEngagementAt` at that time
   * before and after it, for the rules it may have changed (the others' difference is exactly 0).
   */
  visitPointChanges(visit: (ruleId: string, points: number) => void): void;
}

export function openScoreStateDraft(state: ScoreState, model: ScoringModel): ScoreStateDraft {
  assertStateModel(state, model);
  const changes = createDraftChanges();
  return new DraftHandle(openDraft(state, model, changes), changes);
}

/**
 * A class, not an object literal with a getter: V8 gives each such literal a hidden class of its
 * own, kept in the old generation, and one per batch made garbage collection most of the time.
 */
class DraftHandle implements ScoreStateDraft {
  constructor(
    private readonly draft: Draft,
    private readonly changes: DraftChanges,
  ) {}

  get state(): ScoreState {
    return this.draft.state;
  }

  apply(signal: ScoringSignal): boolean {
    return applyToDraft(this.draft, signal);
  }

  visitPointChanges(visit: (ruleId: string, points: number) => void): void {
    visitPointChanges(this.changes, this.draft.state, this.draft.model, visit);
  }
}

/** Builds the state from all signals in one pass (the "recompute from scratch" path). */
export function buildScoreState(signals: Iterable<ScoringSignal>, model: ScoringModel): ScoreState {
  const draft = openDraft(createScoreState(model), model);
  for (const signal of signals) applyToDraft(draft, signal);
  return draft.state;
}

/**
 * Engagement points per rule at `now` (SPEC §2.3). `now` earlier than the newest signal is taken
 * as the newest signal's time, so a device clock ahead of ours cannot inflate a score.
 */
export function getEngagementAt(state: ScoreState, model: ScoringModel, now: Date): Record<string, number> {
  const factor = getDecayFactor(state, model, now);
  const result: Record<string, number> = {};
  for (const [ruleId, rule] of Object.entries(state.rules)) result[ruleId] = rule.sum * factor;
  return result;
}

/**
 * What an anchored sum in `state.rules` is multiplied by to give its points at `now`: the one
 * multiplication that makes engagement at any `now` cheap (SPEC §2.3 "recency decay").
 */
export function getDecayFactor(state: ScoreState, model: ScoringModel, now: Date): number {
  assertStateModel(state, model);
  return getAnchoredDecay(state.anchorMs, state.newestMs, model.decay.halfLifeDays * DAY_MS, now.getTime());
}

/**
 * The signals that count, per rule id: each day's capped list, oldest day first; for a rule
 * with a `windowCap`, only that many over the window, largest effect first; for a rule with a
 * `threshold`, the one that passed it, if any (SPEC §2.3; calibration reads the same).
 */
export function listCountedSignals(state: ScoreState, model: ScoringModel): Map<string, CountedSignal[]> {
  const byRule = new Map<string, CountedSignal[]>();
  for (const [ruleId, rule] of Object.entries(state.rules))
    byRule.set(
      ruleId,
      rule.days.flatMap((d) => d.counted),
    );
  const halfLife = model.decay.halfLifeDays * DAY_MS;
  for (const rule of model.engagement.rules) {
    const counted = byRule.get(rule.id);
    const ruleState = state.rules[rule.id];
    if (rule.threshold && ruleState) {
      const crossing = findThresholdCrossing(ruleState, rule.threshold.atLeast);
      byRule.set(rule.id, crossing ? [crossing] : []);
      continue;
    }
    if (rule.windowCap === undefined || !counted || counted.length <= rule.windowCap) continue;
    byRule.set(rule.id, counted.sort((a, b) => compareEffect(a, b, halfLife)).slice(0, rule.windowCap));
  }
  return byRule;
}
