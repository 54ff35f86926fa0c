/**
 * The score state is mutated only inside one call (a draft copied on its first write, SPEC §2.3
 * "incremental"): whatever a call does, the caller's state is left as it was, and applying a
 * batch in one call equals applying its signals one by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL } from './default-model.js';
import {
  applyScoringSignal,
  applyScoringSignals,
  buildScoreState,
  createScoreState,
  openScoreStateDraft,
  type ScoreState,
} from './score-state.js';
import type { ScoringModel } from './scoring-model.js';
import type { ScoringSignal } from './scoring-signal.js';
import { buildSampleSignal, SAMPLE_SIGNAL_KINDS } from './scoring-test-kit.js';

const START = Date.UTC(2026, 0, 1);
/** Small caps and a short window so that caps, evictions, drops and re-anchoring all happen. */
const MODEL: ScoringModel = {
  ...DEFAULT_SCORING_MODEL,
  id: 'draft-test',
  engagement: {
    rules: DEFAULT_SCORING_MODEL.engagement.rules.map((r) => ({ ...r, dailyCap: Math.min(r.dailyCap, 2) })),
  },
  decay: { halfLifeDays: 0.5, windowDays: 20 },
};

const signalArb = fc
  .record({
    kind: fc.constantFrom(...SAMPLE_SIGNAL_KINDS),
    // Few ids, so that some signals are replays of earlier ones.
    id: fc.integer({ min: 0, max: 40 }).map((n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`),
    atMs: fc.integer({ min: 0, max: 200 * 24 }).map((h) => START + h * 3_600_000),
    durationMs: fc.integer({ min: 0, max: 30 * 60_000 }),
  })
  .map(({ kind, id, atMs, durationMs }) => buildSampleSignal(kind, id, atMs, durationMs));
const signalsArb = fc.array(signalArb, { maxLength: 40 });

/** A state as the database hands it back: JSON, deeply frozen so that any write throws. */
function storedState(signals: ScoringSignal[]): ScoreState {
  return deepFreeze(JSON.parse(JSON.stringify(buildScoreState(signals, MODEL))) as ScoreState);
}
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('score state drafts (SPEC §2.3)', () => {
  it('never modifies the state it is given', () => {
    fc.assert(
      fc.property(signalsArb, signalsArb, (history, batch) => {
        const state = storedState(history);
        const copy = structuredClone(state);
        // A frozen input makes any write throw in strict mode; the copy catches the rest.
        for (const signal of batch) applyScoringSignal(state, signal, MODEL);
        applyScoringSignals(state, batch, MODEL);
        expect(state).toEqual(copy);
      }),
    );
  });

  it('applying a batch in one call equals applying its signals one by one', () => {
    fc.assert(
      fc.property(signalsArb, signalsArb, (history, batch) => {
        const state = storedState(history);
        const oneByOne = batch.reduce((s, signal) => applyScoringSignal(s, signal, MODEL), state);
        expect(applyScoringSignals(state, batch, MODEL)).toEqual(oneByOne);
      }),
    );
  });

  it('a draft read between signals equals the state after each signal applied one by one', () => {
    fc.assert(
      fc.property(signalsArb, signalsArb, (history, batch) => {
        const state = storedState(history);
        const draft = openScoreStateDraft(state, MODEL);
        let oneByOne = state;
        for (const signal of batch) {
          const next = applyScoringSignal(oneByOne, signal, MODEL);
          expect(draft.apply(signal)).toBe(next !== oneByOne);
          oneByOne = next;
          expect(draft.state).toEqual(oneByOne);
        }
      }),
    );
  });

  it('building from scratch equals a batch applied to an empty state', () => {
    fc.assert(
      fc.property(signalsArb, (signals) => {
        const empty = createScoreState(MODEL);
        expect(applyScoringSignals(empty, signals, MODEL)).toEqual(buildScoreState(signals, MODEL));
      }),
    );
  });

  it('returns the same state when nothing in the batch counts', () => {
    const state = storedState([buildSampleSignal('page_view', 'a', START, 60_000)]);
    const replay = buildSampleSignal('page_view', 'a', START, 60_000);
    expect(applyScoringSignals(state, [replay], MODEL)).toBe(state);
    expect(applyScoringSignal(state, replay, MODEL)).toBe(state);
  });
});
