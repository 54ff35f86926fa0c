/**
 * The score state is mutated only inside one call (a draft copied on its first write, SPEC §2.3
 * "incremental"): whatever a call does, the caller's state is left as it was, and applying a
 * batch in one call equals applying its signals one by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL } from './default-model.js';
import { ENROL_TIMELINES, GRADE_BANDS, LEAD_ROLES, leadProfileSchema, UNKNOWN_LEAD_PROFILE } from './lead-profile.js';
import { scoreEngagementTotal, scoreFitTotal, scoreLead } from './score-lead.js';
import {
  applyScoringSignal,
  applyScoringSignals,
  buildScoreState,
  createScoreState,
  getEngagementAt,
  openScoreStateDraft,
  type ScoreState,
  scoreStateSchema,
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

/**
 * A state as PostgreSQL's jsonb hands it back: keys ordered by length, then bytes, at every level,
 * so a map's key order is not the order they were added in.
 */
function asJsonb<T>(value: T): T {
  const reorder = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(reorder);
    if (typeof v !== 'object' || v === null) return v;
    const keys = Object.keys(v).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(keys.map((k) => [k, reorder((v as Record<string, unknown>)[k])]));
  };
  return reorder(JSON.parse(JSON.stringify(value))) as T;
}

const daysOf = (state: ScoreState) => Object.fromEntries(Object.entries(state.rules).map(([id, r]) => [id, r.days]));
const profileArb = fc.record({
  role: fc.constantFrom(...LEAD_ROLES),
  gradeBand: fc.constantFrom(...GRADE_BANDS),
  timeline: fc.constantFrom(...ENROL_TIMELINES),
});

describe('score state drafts (SPEC §2.3)', () => {
  it('a stored state read back from the database and advanced equals recomputing from all signals', () => {
    fc.assert(
      fc.property(signalsArb, signalsArb, fc.integer({ min: 0, max: 220 * 24 }), (history, batch, hours) => {
        const stored = asJsonb(buildScoreState(history, MODEL));
        expect(scoreStateSchema.parse(stored)).toEqual(buildScoreState(history, MODEL));
        const advanced = asJsonb(applyScoringSignals(stored, batch, MODEL));
        const recomputed = buildScoreState([...history, ...batch], MODEL);
        expect(daysOf(advanced)).toEqual(daysOf(recomputed));
        expect(advanced.newestMs).toBe(recomputed.newestMs);
        const now = new Date(START + hours * 3_600_000);
        const a = scoreLead({ profile: UNKNOWN_LEAD_PROFILE, state: advanced, model: MODEL, now });
        const b = scoreLead({ profile: UNKNOWN_LEAD_PROFILE, state: recomputed, model: MODEL, now });
        const scale = b.breakdown.reduce((acc, item) => acc + Math.abs(item.points), 0);
        expect(Math.abs(a.total - b.total)).toBeLessThanOrEqual(1e-9 * Math.max(scale, Number.MIN_VALUE));
      }),
    );
  });

  it("the totals alone are the full score's, to the last bit, whatever the key order", () => {
    fc.assert(
      fc.property(signalsArb, profileArb, fc.integer({ min: 0, max: 220 * 24 }), (signals, fields, hours) => {
        const profile = leadProfileSchema.parse(fields);
        const now = new Date(START + hours * 3_600_000);
        const state = buildScoreState(signals, MODEL);
        const score = scoreLead({ profile, state, model: MODEL, now });
        for (const stored of [state, asJsonb(state)]) {
          const fit = scoreFitTotal(profile, MODEL);
          const engagement = scoreEngagementTotal(stored, MODEL, now);
          expect({ fit, engagement, total: fit + engagement }).toEqual({
            fit: score.fit,
            engagement: score.engagement,
            total: score.total,
          });
          expect(Object.is(fit + engagement, score.total)).toBe(true);
        }
        expect(score.breakdown.reduce((acc, b) => acc + b.points, 0)).toBeCloseTo(score.total, 6);
      }),
    );
  });

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

  it("a draft's point changes equal the difference of every rule's points at the signal's time", () => {
    fc.assert(
      fc.property(signalsArb, signalsArb, (history, batch) => {
        const draft = openScoreStateDraft(storedState(history), MODEL);
        for (const signal of batch) {
          const at = new Date(signal.occurredAt);
          const before = getEngagementAt(draft.state, MODEL, at);
          draft.apply(signal);
          const after = getEngagementAt(draft.state, MODEL, at);
          const expected: Record<string, number> = {};
          for (const { id } of MODEL.engagement.rules) {
            const points = (after[id] ?? 0) - (before[id] ?? 0);
            if (points !== 0) expected[id] = points;
          }
          const changes: Record<string, number> = {};
          draft.visitPointChanges((ruleId, points) => {
            expect(changes).not.toHaveProperty(ruleId);
            if (points !== 0) changes[ruleId] = points;
          });
          expect(changes).toEqual(expected);
        }
      }),
      { numRuns: 300 },
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
