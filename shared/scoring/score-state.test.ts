import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL } from './default-model.js';
import { UNKNOWN_LEAD_PROFILE } from './lead-profile.js';
import { scoreLead } from './score-lead.js';
import {
  applyScoringSignal,
  buildScoreState,
  createScoreState,
  getShanghaiDay,
  type ScoreState,
} from './score-state.js';
import type { ScoringModel } from './scoring-model.js';
import type { ScoringSignal } from './scoring-signal.js';
import { buildSampleSignal, SAMPLE_SIGNAL_KINDS } from './scoring-test-kit.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
/**
 * Small caps and a short window so that caps, decay and dropping all happen. The window is 40
 * half-lives, so what leaves it weighs < 1e-12 of its points: less than any positive signal here.
 */
const MODEL: ScoringModel = {
  ...DEFAULT_SCORING_MODEL,
  id: 'test',
  engagement: {
    rules: DEFAULT_SCORING_MODEL.engagement.rules.map((r) => ({ ...r, dailyCap: Math.min(r.dailyCap, 2) })),
  },
  decay: { halfLifeDays: 1, windowDays: 40 },
};

const signalArb = fc
  .record({
    kind: fc.constantFrom(...SAMPLE_SIGNAL_KINDS),
    id: fc.uuid(),
    // Hours over 60 days, so some days overflow their cap and early days leave the window.
    atMs: fc.integer({ min: 0, max: 60 * 24 }).map((h) => START + h * 3_600_000),
    durationMs: fc.integer({ min: 0, max: 30 * 60_000 }),
  })
  .map(({ kind, id, atMs, durationMs }) => buildSampleSignal(kind, id, atMs, durationMs));
const signalsArb = fc.uniqueArray(signalArb, { selector: (s) => s.id, maxLength: 60 });

function applyAll(signals: ScoringSignal[], model = MODEL): ScoreState {
  return signals.reduce((state, s) => applyScoringSignal(state, s, model), createScoreState(model));
}
function score(state: ScoreState, nowMs: number) {
  return scoreLead({ profile: UNKNOWN_LEAD_PROFILE, state, model: MODEL, now: new Date(nowMs) });
}
/** Relative to the size of the terms, since positive and negative rules may cancel. */
function expectClose(a: number, b: number, scale: number) {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(scale, Number.MIN_VALUE));
}
function magnitude(state: ScoreState, nowMs: number): number {
  return score(state, nowMs).breakdown.reduce((acc, item) => acc + Math.abs(item.points), 0);
}

describe('score state (SPEC §2.3)', () => {
  it('incremental equals recompute for any arrival order', () => {
    fc.assert(
      fc.property(signalsArb, fc.integer({ min: 0, max: 60 * DAY }), fc.integer(), (signals, offset, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(signals, { minLength: signals.length }), {
          seed,
          numRuns: 1,
        })[0];
        const sorted = [...signals].sort(
          (a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id),
        );
        const incremental = applyAll(shuffled ?? signals);
        const recomputed = buildScoreState(sorted, MODEL);
        const nowMs = START + offset;
        const a = score(incremental, nowMs);
        const b = score(recomputed, nowMs);
        expect(incremental.days).toEqual(recomputed.days);
        expectClose(a.total, b.total, magnitude(recomputed, nowMs));
        for (const item of b.breakdown) {
          const other = a.breakdown.find((x) => x.ruleId === item.ruleId);
          expectClose(other?.points ?? 0, item.points, Math.abs(item.points));
        }
      }),
    );
  });

  it('re-anchors without drift when signals span hundreds of half-lives', () => {
    const fast: ScoringModel = { ...MODEL, decay: { halfLifeDays: 0.05, windowDays: 40 } };
    fc.assert(
      fc.property(signalsArb, fc.integer(), (signals, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(signals, { minLength: signals.length }), {
          seed,
          numRuns: 1,
        })[0];
        const a = applyAll(shuffled ?? signals, fast);
        const b = buildScoreState(signals, fast);
        expect(a.days).toEqual(b.days);
        const nowMs = (b.newestMs ?? START) + DAY;
        const scored = (s: ScoreState) =>
          scoreLead({ profile: UNKNOWN_LEAD_PROFILE, state: s, model: fast, now: new Date(nowMs) });
        const scale = scored(b).breakdown.reduce((acc, item) => acc + Math.abs(item.points), 0);
        expectClose(scored(a).engagement, scored(b).engagement, scale);
        expect(Number.isFinite(a.anchorMs) && Object.values(a.sums).every(Number.isFinite)).toBe(true);
      }),
    );
  });

  it('a replayed signal id changes nothing', () => {
    fc.assert(
      fc.property(signalsArb, fc.nat(), (signals, pick) => {
        fc.pre(signals.length > 0);
        const state = applyAll(signals);
        const replayed = signals[pick % signals.length] as ScoringSignal;
        expect(applyScoringSignal(state, replayed, MODEL)).toEqual(state);
      }),
    );
  });

  it('a positive signal never lowers the score at the moment it happens', () => {
    const positive = fc
      .record({
        kind: fc.constantFrom('page_view', 'content_view', 'content_download', 'consultation_request' as const),
        id: fc.uuid(),
        atMs: fc.integer({ min: 0, max: 70 * 24 }).map((h) => START + h * 3_600_000),
        durationMs: fc.integer({ min: 0, max: 30 * 60_000 }),
      })
      .map(({ kind, id, atMs, durationMs }) => buildSampleSignal(kind, id, atMs, durationMs));
    fc.assert(
      fc.property(signalsArb, positive, (signals, signal) => {
        const before = applyAll(signals);
        const after = applyScoringSignal(before, signal, MODEL);
        const atMs = Date.parse(signal.occurredAt);
        const scale = magnitude(after, atMs);
        expect(score(after, atMs).total).toBeGreaterThanOrEqual(score(before, atMs).total - 1e-9 * scale);
      }),
    );
  });

  it('engagement halves over one half-life without activity', () => {
    fc.assert(
      fc.property(signalsArb, fc.integer({ min: 0, max: 400 * DAY }), (signals, offset) => {
        const state = applyAll(signals);
        const t0 = (state.newestMs ?? START) + offset;
        const e0 = score(state, t0).engagement;
        const e1 = score(state, t0 + MODEL.decay.halfLifeDays * DAY).engagement;
        expectClose(e1, e0 / 2, magnitude(state, t0));
      }),
    );
  });

  it('daily caps hold: at most dailyCap signals count per rule and Shanghai day', () => {
    fc.assert(
      fc.property(signalsArb, (signals) => {
        const state = applyAll(signals);
        for (const [key, counted] of Object.entries(state.days)) {
          const rule = MODEL.engagement.rules.find((r) => r.id === key.split('@')[0]);
          expect(counted.length).toBeLessThanOrEqual(rule?.dailyCap ?? 0);
          for (const c of counted) expect(`${rule?.id}@${getShanghaiDay(c.atMs)}`).toBe(key);
        }
      }),
    );
  });

  it('window caps hold: thirty referrals on thirty days count as the window cap allows (issue 8 item 11)', () => {
    const referral = MODEL.engagement.rules.find((r) => r.signal === 'referral_signup');
    const cap = referral?.windowCap ?? 0;
    expect(cap).toBeGreaterThan(0);
    const days = Array.from({ length: 30 }, (_, d) => START + d * DAY);
    const ids = days.map((_, d) => `00000000-0000-4000-8000-${String(d).padStart(12, '0')}`);
    const signals = days.map((t, d) => buildSampleSignal('referral_signup', ids[d] as string, t));
    const all = applyAll(signals);
    const capped = applyAll(signals.slice(-cap));
    const nowMs = (days.at(-1) ?? START) + DAY;
    // The most recent `cap` referrals count; the earlier ones add nothing.
    expectClose(score(all, nowMs).engagement, score(capped, nowMs).engagement, magnitude(all, nowMs));
    // With a one-day half-life, the last `cap` days weigh ½, ¼, ⅛ … of the rule's 12 points.
    const expected = Array.from({ length: cap }, (_, k) => (referral?.points ?? 0) * 2 ** -(k + 1));
    expectClose(
      score(all, nowMs).engagement,
      expected.reduce((a, b) => a + b, 0),
      12,
    );
  });

  it('caps by the Shanghai calendar day, not the UTC one', () => {
    // 15:59 and 16:01 UTC straddle midnight in Shanghai (UTC+8): two days, two counted downloads each.
    const at = (h: number, m: number) => Date.UTC(2026, 2, 1, h, m);
    const ids = ['a', 'b', 'c', 'd'].map((c) => `00000000-0000-4000-8000-00000000000${c}`);
    const signals = [at(15, 58), at(15, 59), at(16, 1), at(16, 2)].map((t, i) =>
      buildSampleSignal('content_download', ids[i] as string, t),
    );
    const cappedModel: ScoringModel = {
      ...MODEL,
      engagement: { rules: MODEL.engagement.rules.map((r) => ({ ...r, dailyCap: 1 })) },
    };
    const state = applyAll(signals, cappedModel);
    expect(Object.keys(state.days)).toHaveLength(2);
  });

  it('stays JSON-serialisable and bounded', () => {
    fc.assert(
      fc.property(signalsArb, (signals) => {
        const state = applyAll(signals);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        const capSum = MODEL.engagement.rules.reduce((acc, r) => acc + r.dailyCap, 0);
        const entries = Object.values(state.days).reduce((acc, list) => acc + list.length, 0);
        expect(entries).toBeLessThanOrEqual(capSum * MODEL.decay.windowDays);
      }),
    );
  });

  it('refuses a state built under another model version', () => {
    const state = createScoreState(MODEL);
    const next: ScoringModel = { ...MODEL, version: MODEL.version + 1 };
    expect(() => applyScoringSignal(state, buildSampleSignal('page_view', 'x', START), next)).toThrow(/rebuild/);
  });
});
