/**
 * Buying-journey inference (SPEC §2.2), incremental and in closed form like the score: the state
 * keeps, per stage, the sum of evidence weights decayed with a half-life, anchored at a reference
 * time. The stage at any `now` is the most advanced stage whose decayed evidence passes the
 * threshold, so stages can be skipped, and with inactivity the lead moves back without any write.
 */
import { parseInstantMs } from '../scoring/scoring-signal.js';
import { getJourneyEvidence, type JourneySignal } from './evidence.js';
import { JOURNEY_STAGES, type JourneyStage } from './stages.js';

export interface JourneyModel {
  halfLifeDays: number;
  /** Decayed evidence a stage needs to count; in "reads" (one tagged content view = 1). */
  threshold: number;
}

export const DEFAULT_JOURNEY_MODEL: JourneyModel = {
  // A month: prospects in education compare over weeks; a read older than that fades by half.
  halfLifeDays: 30,
  // Half a read: one tagged view holds its stage for one half-life, then the lead moves back.
  threshold: 0.5,
};

/** The touchpoint behind a stage's evidence, named in the inference's reason. */
export interface JourneySignalRef {
  id: string;
  type: JourneySignal['type'];
  occurredAt: string;
}

export interface JourneyState {
  anchorMs: number;
  sums: Record<JourneyStage, number>;
  /**
   * The latest signal that gave evidence for each stage (latest by `occurredAt`, then by id, so the
   * arrival order does not matter). Optional: states stored before it existed still read.
   */
  latest?: Partial<Record<JourneyStage, JourneySignalRef>>;
}

const DAY_MS = 86_400_000;
/** Re-anchor before 2^x can lose precision or overflow (|x| ≤ 64 keeps sums well inside a double). */
const MAX_ANCHOR_HALF_LIVES = 64;

export function createJourneyState(anchorMs = 0): JourneyState {
  return { anchorMs, sums: { unaware: 0, exploring: 0, considering: 0, preferring: 0, purchasing: 0 } };
}

function decayFactor(fromMs: number, toMs: number, model: JourneyModel): number {
  return 2 ** (-(toMs - fromMs) / (model.halfLifeDays * DAY_MS));
}

function reanchor(state: JourneyState, anchorMs: number, model: JourneyModel): JourneyState {
  const factor = decayFactor(state.anchorMs, anchorMs, model);
  const sums = { ...state.sums };
  for (const stage of JOURNEY_STAGES) sums[stage] *= factor;
  return { ...state, anchorMs, sums };
}

function isLater(a: JourneySignalRef, b: JourneySignalRef | undefined): boolean {
  if (!b) return true;
  const diff = parseInstantMs(a.occurredAt) - parseInstantMs(b.occurredAt);
  // Equivalent mutants: `a.id >= b.id` differs only for the same signal applied again, whose ref is
  // equal anyway.
  // Stryker disable next-line EqualityOperator: equivalent, see above
  return diff > 0 || (diff === 0 && a.id > b.id);
}

/** Adds one signal's evidence (SPEC §2.2). Order of arrival does not matter. */
export function applyJourneySignal(state: JourneyState, signal: JourneySignal, model: JourneyModel): JourneyState {
  const evidence = getJourneyEvidence(signal);
  if (!evidence) return state;
  const atMs = parseInstantMs(signal.occurredAt);
  // Only forward: an old signal arriving after newer ones adds weight·2^(−age) (at worst 0), while
  // moving the anchor back to it would multiply the stored sums by 2^age and overflow to Infinity
  // (NaN after decay) once the gap passes ~1,024 half-lives, so the result would depend on order.
  const base =
    // Equivalent mutants: moving the anchor forward sooner than needed gives the same evidence; the
    // bound only keeps 2^x finite.
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent, see above
    atMs - state.anchorMs > MAX_ANCHOR_HALF_LIVES * model.halfLifeDays * DAY_MS ? reanchor(state, atMs, model) : state;
  const sums = { ...base.sums };
  sums[evidence.stage] += evidence.weight * decayFactor(atMs, base.anchorMs, model);
  const ref: JourneySignalRef = { id: signal.id, type: signal.type, occurredAt: signal.occurredAt };
  const latest = isLater(ref, base.latest?.[evidence.stage]) ? { ...base.latest, [evidence.stage]: ref } : base.latest;
  // Equivalent mutants: the second object is unreachable, `latest` always holds the signal just
  // applied.
  // Stryker disable next-line ObjectLiteral: equivalent, see above
  return latest ? { anchorMs: base.anchorMs, sums, latest } : { anchorMs: base.anchorMs, sums };
}

/** Decayed evidence per stage at `now`. */
export function getJourneyEvidenceAt(
  state: JourneyState,
  model: JourneyModel,
  now: Date,
): Record<JourneyStage, number> {
  const factor = decayFactor(state.anchorMs, now.getTime(), model);
  const result = { ...state.sums };
  for (const stage of JOURNEY_STAGES) result[stage] *= factor;
  return result;
}

/** The inferred stage, why, and the latest signal behind it (absent for `unaware`). */
export interface JourneyInference {
  stage: JourneyStage;
  reason: string;
  signal?: JourneySignalRef;
}

/**
 * The journey stage at `now` and why (SPEC §2.2): the most advanced stage whose decayed evidence
 * passes the threshold; `unaware` when none does. Stages can be skipped; with no new signal the
 * evidence only decays, so the stage can only move back.
 *
 * @example
 * inferJourneyStage(state, DEFAULT_JOURNEY_MODEL, now);
 * // { stage: 'preferring', reason: 'preferring evidence 0.97 ≥ 0.5 (latest: content_view … at …)', signal }
 */
export function inferJourneyStage(state: JourneyState, model: JourneyModel, now: Date): JourneyInference {
  const evidence = getJourneyEvidenceAt(state, model, now);
  // Stryker disable next-line ArithmeticOperator: starting past the last stage reads no evidence there and goes on
  for (let i = JOURNEY_STAGES.length - 1; i > 0; i--) {
    const stage = JOURNEY_STAGES[i] as JourneyStage;
    if (evidence[stage] >= model.threshold) {
      const signal = state.latest?.[stage];
      const because = signal ? ` (latest: ${signal.type} ${signal.id} at ${signal.occurredAt})` : '';
      const reason = `${stage} evidence ${evidence[stage].toFixed(2)} ≥ ${model.threshold}${because}`;
      return signal ? { stage, reason, signal } : { stage, reason };
    }
  }
  return { stage: 'unaware', reason: 'no stage has recent evidence' };
}
