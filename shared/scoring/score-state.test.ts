import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL } from './default-model.js';
import { UNKNOWN_LEAD_PROFILE } from './lead-profile.js';
import { scoreLead } from './score-lead.js';
import {
  applyScoringSignal,
  buildScoreState,
  type CountedDay,
  createScoreState,
  getEngagementAt,
  getShanghaiDay,
  type ScoreState,
  scoreStateSchema,
} from './score-state.js';
import {
  applyAll,
  countedEntries,
  DAY,
  daysOf,
  expectClose,
  HOUR,
  MODEL,
  magnitude,
  referenceEngagement,
  START,
  score,
  shanghaiDay,
  signalsArb,
} from './score-state-test-kit.js';
import type { ScoringModel } from './scoring-model.js';
import type { ScoringSignal } from './scoring-signal.js';
import { buildSampleSignal } from './scoring-test-kit.js';

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
        expect(daysOf(incremental)).toEqual(daysOf(recomputed));
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
        expect(daysOf(a)).toEqual(daysOf(b));
        const nowMs = (b.newestMs ?? START) + DAY;
        const scored = (s: ScoreState) =>
          scoreLead({ profile: UNKNOWN_LEAD_PROFILE, state: s, model: fast, now: new Date(nowMs) });
        const scale = scored(b).breakdown.reduce((acc, item) => acc + Math.abs(item.points), 0);
        expectClose(scored(a).engagement, scored(b).engagement, scale);
        const expected = referenceEngagement(signals, fast, nowMs);
        const actual = getEngagementAt(a, fast, new Date(nowMs));
        for (const rule of fast.engagement.rules) expectClose(actual[rule.id] ?? 0, expected[rule.id] ?? 0, scale);
        expect(Number.isFinite(a.anchorMs) && Object.values(a.rules).every((r) => Number.isFinite(r.sum))).toBe(true);
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
        for (const [ruleId, { days }] of Object.entries(state.rules)) {
          const rule = MODEL.engagement.rules.find((r) => r.id === ruleId);
          for (const { day, counted } of days) {
            expect(counted.length).toBeLessThanOrEqual(rule?.dailyCap ?? 0);
            for (const c of counted) expect(getShanghaiDay(c.atMs)).toBe(day);
          }
          expect(days.map((d) => d.day)).toEqual([...new Set(days.map((d) => d.day))].sort((a, b) => a - b));
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
    // 15:59 and 16:01 UTC straddle midnight in Shanghai (UTC+8): two days, one counted download
    // each (cap 1): the later of each day, as it has the larger effect.
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
    expect(state.rules['content-download']?.days).toHaveLength(2);
    // 3 points at 16:02, and 3 points 3 minutes older (half-life one day). By UTC day it would be 3.
    const engagement = score(state, at(16, 2), cappedModel).engagement;
    expect(engagement).toBeCloseTo(3 + 3 * 2 ** (-3 / (24 * 60)), 12);
    expect(engagement).toBeGreaterThan(5.99);
  });

  it('stays JSON-serialisable and bounded, and a stored state parses back to itself', () => {
    fc.assert(
      fc.property(signalsArb, (signals) => {
        const state = applyAll(signals);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        expect(scoreStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
        const capSum = MODEL.engagement.rules.reduce((acc, r) => acc + r.dailyCap, 0);
        const entries = countedEntries(state).length;
        expect(entries).toBeLessThanOrEqual(capSum * MODEL.decay.windowDays);
      }),
    );
  });

  it('refuses a state built under another model id or version: rebuild it instead', () => {
    const state = applyAll([buildSampleSignal('content_download', 'x', START)]);
    const signal = buildSampleSignal('content_download', 'y', START);
    const newer: ScoringModel = { ...MODEL, version: MODEL.version + 1 };
    const other: ScoringModel = { ...MODEL, id: 'other' };
    for (const model of [newer, other]) {
      expect(() => applyScoringSignal(state, signal, model)).toThrow(/rebuild/);
      expect(() => getEngagementAt(state, model, new Date(START))).toThrow(/rebuild/);
    }
    expect(() => applyScoringSignal(state, signal, MODEL)).not.toThrow();
  });

  it('engagement is what the documented rule gives: the strongest signals per rule and day, in the window, decayed', () => {
    fc.assert(
      fc.property(signalsArb, fc.integer({ min: -5 * DAY, max: 60 * DAY }), (signals, offset) => {
        const state = applyAll(signals);
        const nowMs = START + offset;
        const expected = referenceEngagement(signals, MODEL, nowMs);
        const actual = getEngagementAt(state, MODEL, new Date(nowMs));
        const scale = Object.values(expected).reduce((acc, x) => acc + Math.abs(x), 0);
        for (const rule of MODEL.engagement.rules) {
          expectClose(actual[rule.id] ?? 0, expected[rule.id] ?? 0, scale);
        }
      }),
    );
  });

  it('the generated histories overflow daily caps and leave the window, as the properties above need', () => {
    const histories = fc.sample(signalsArb, { seed: 2026, numRuns: 200 });
    // Sample kinds map one to one to rules; both message kinds are `message_sent`, told apart by status.
    const ruleOf = (s: ScoringSignal) => (s.type === 'message_sent' ? `${s.type}:${s.props.status}` : s.type);
    const overflowing = histories.filter((signals) => {
      const perRuleDay = new Map<string, number>();
      for (const s of signals) {
        const key = `${ruleOf(s)}@${shanghaiDay(Date.parse(s.occurredAt))}`;
        perRuleDay.set(key, (perRuleDay.get(key) ?? 0) + 1);
      }
      return [...perRuleDay.values()].some((n) => n > 2);
    });
    const leaving = histories.filter((signals) => {
      const days = signals.map((s) => shanghaiDay(Date.parse(s.occurredAt)));
      return Math.max(...days) - Math.min(...days) >= MODEL.decay.windowDays;
    });
    expect(Math.min(...histories.map((h) => h.length))).toBeGreaterThanOrEqual(10);
    expect(Math.max(...histories.map((h) => h.length))).toBeGreaterThan(40);
    expect(overflowing.length).toBeGreaterThan(histories.length / 2);
    expect(leaving.length).toBeGreaterThan(histories.length * 0.9);
  });

  it('a capped day counts its strongest signals: the one they push out leaves the sum', () => {
    // Consultation requests: 20 points, at most one a day. The later one has the larger effect.
    const model = DEFAULT_SCORING_MODEL;
    const first = buildSampleSignal('consultation_request', 'first', START + 2 * HOUR);
    const later = buildSampleSignal('consultation_request', 'later', START + 3 * HOUR);
    for (const order of [
      [first, later],
      [later, first],
    ]) {
      const state = applyAll(order, model);
      expect(score(state, START + 3 * HOUR, model).engagement).toBe(20);
      expect(buildScoreState(order, model)).toEqual(state);
    }
    // A stronger but older signal keeps its place against a weaker, more recent one: 2^(1h/30d)
    // is far less than 5 minutes of reading against 1 (page views: 1 point a minute).
    const capOne: ScoringModel = {
      ...model,
      engagement: { rules: model.engagement.rules.map((r) => ({ ...r, dailyCap: 1 })) },
    };
    const long = buildSampleSignal('page_view', 'long', START + 2 * HOUR, 5 * 60_000);
    const short = buildSampleSignal('page_view', 'short', START + 3 * HOUR, 60_000);
    const halfLife = 30 * DAY;
    for (const order of [
      [long, short],
      [short, long],
    ]) {
      const engagement = score(applyAll(order, capOne), START + 3 * HOUR, capOne).engagement;
      expect(engagement).toBeCloseTo(5 * 2 ** (-HOUR / halfLife), 12);
    }
    // Penalties rank by size too: of two bounces in a day the later one counts, in full.
    const bounces = [
      buildSampleSignal('message_bounced', 'b1', START + 2 * HOUR),
      buildSampleSignal('message_bounced', 'b2', START + 3 * HOUR),
    ];
    for (const order of [bounces, [...bounces].reverse()]) {
      expect(score(applyAll(order, model), START + 3 * HOUR, model).engagement).toBe(-5);
    }
  });

  it('keeps the last windowDays Shanghai days before the newest signal and drops the day before them', () => {
    // A 3-day window: the newest day and the two before it.
    const model: ScoringModel = { ...DEFAULT_SCORING_MODEL, decay: { halfLifeDays: 30, windowDays: 3 } };
    const newest = buildSampleSignal('consultation_request', 'newest', START + 10 * DAY + 2 * HOUR);
    const twoDaysOld = buildSampleSignal('content_download', 'two', START + 8 * DAY + 2 * HOUR);
    const threeDaysOld = buildSampleSignal('content_download', 'three', START + 7 * DAY + 2 * HOUR);
    const nowMs = START + 10 * DAY + 2 * HOUR;
    const kept = 20 + 3 * 2 ** (-2 / 30);
    for (const order of [
      [newest, twoDaysOld],
      [twoDaysOld, newest],
    ]) {
      expect(score(applyAll(order, model), nowMs, model).engagement).toBeCloseTo(kept, 12);
    }
    for (const order of [
      [newest, threeDaysOld],
      [threeDaysOld, newest],
      [twoDaysOld, threeDaysOld, newest],
      [threeDaysOld, newest, twoDaysOld],
    ]) {
      const withTwo = order.includes(twoDaysOld) ? kept : 20;
      expect(score(applyAll(order, model), nowMs, model).engagement).toBeCloseTo(withTwo, 12);
    }
    // The default model keeps 730 days: 729 days before the newest still counts (however little).
    const old = (days: number) =>
      buildSampleSignal('consultation_request', `old-${days}`, START + 2 * HOUR - days * DAY);
    const recent = buildSampleSignal('content_download', 'recent', START + 2 * HOUR);
    const withOld = (days: number) =>
      score(applyAll([old(days), recent], DEFAULT_SCORING_MODEL), START + 2 * HOUR, DEFAULT_SCORING_MODEL).breakdown;
    expect(withOld(729).map((b) => b.ruleId)).toEqual(['content-download', 'consultation']);
    expect(withOld(730).map((b) => b.ruleId)).toEqual(['content-download']);
  });

  it('a signal no rule scores changes nothing, not even the window or the newest time', () => {
    const model = DEFAULT_SCORING_MODEL;
    const consult = buildSampleSignal('consultation_request', 'c', START);
    const bounceOnly = buildSampleSignal('page_view', 'idle', START + 1000 * DAY, 0);
    const state = applyAll([consult], model);
    expect(applyScoringSignal(state, bounceOnly, model)).toEqual(state);
    expect(score(applyAll([consult, bounceOnly], model), START, model).engagement).toBe(20);
    expect(score(applyAll([bounceOnly, consult], model), START, model).engagement).toBe(20);
  });

  it('an empty state scores nothing at any time', () => {
    const state = createScoreState(MODEL);
    expect(getEngagementAt(state, MODEL, new Date(START))).toEqual({});
    expect(score(state, START).total).toBe(0);
  });

  it('equal effects on a full day are settled by id, so the stored state does not depend on arrival order', () => {
    // Three downloads in the same hour, cap 2: the two smallest ids are kept whatever the order.
    const at = START + 2 * HOUR;
    const tied = ['c', 'a', 'b'].map((id) => buildSampleSignal('content_download', id, at));
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ].map((o) => o.map((i) => tied[i] as ScoringSignal));
    const states = orders.map((order) => applyAll(order));
    for (const state of states) {
      expect(countedEntries(state).map((c) => c.id)).toEqual(['a', 'b']);
      expect(score(state, at).engagement).toBe(6);
    }
  });

  it('a newer signal a full day does not count still moves the newest time the score is read at', () => {
    // Cap 1: ten minutes of reading at 02:00 outrank one minute at 03:00 (1 point a minute).
    const capOne: ScoringModel = {
      ...DEFAULT_SCORING_MODEL,
      engagement: { rules: DEFAULT_SCORING_MODEL.engagement.rules.map((r) => ({ ...r, dailyCap: 1 })) },
    };
    const long = buildSampleSignal('page_view', 'long', START + 2 * HOUR, 10 * 60_000);
    const short = buildSampleSignal('page_view', 'short', START + 3 * HOUR, 60_000);
    const state = applyAll([long, short], capOne);
    // Read at 02:30, behind the newest signal: the score is the one at 03:00, never higher.
    const expected = 10 * 2 ** (-HOUR / (30 * DAY));
    expect(score(state, START + 2.5 * HOUR, capOne).engagement).toBeCloseTo(expected, 12);
    expect(score(state, START + 3 * HOUR, capOne).engagement).toBeCloseTo(expected, 12);
  });

  it('refuses a stored state with unknown or missing fields', () => {
    const state = applyAll([buildSampleSignal('content_download', 'x', START)]);
    expect(scoreStateSchema.safeParse({ ...state, extra: 1 }).success).toBe(false);
    const [ruleId, rule] = Object.entries(state.rules)[0] ?? ['', { sum: 0, days: [] }];
    const withDays = (days: CountedDay[]) => ({ ...state, rules: { [ruleId]: { ...rule, days } } });
    const badEntry = withDays(rule.days.map((d) => ({ ...d, counted: d.counted.map((c) => ({ ...c, weight: 1 })) })));
    expect(scoreStateSchema.safeParse(badEntry).success).toBe(false);
    expect(scoreStateSchema.safeParse(withDays([])).success).toBe(false);
    expect(scoreStateSchema.safeParse(withDays([{ day: 1, counted: [] }])).success).toBe(false);
    const day = rule.days[0] as CountedDay;
    expect(scoreStateSchema.safeParse(withDays([day, day])).success).toBe(false);
    expect(scoreStateSchema.safeParse(withDays([{ ...day, day: day.day + 1 }, day])).success).toBe(false);
    expect(scoreStateSchema.safeParse(withDays([day, { ...day, day: day.day + 1 }])).success).toBe(true);
    // A state stored in format 1 (sums and days keyed `rule@day`) is not read: the server rebuilds it.
    const formatOne = { modelId: state.modelId, modelVersion: state.modelVersion, anchorMs: 0, newestMs: null };
    expect(scoreStateSchema.safeParse({ ...formatOne, sums: {}, days: {} }).success).toBe(false);
    expect(scoreStateSchema.safeParse({ ...state, format: 1 }).success).toBe(false);
    const { anchorMs: _, ...withoutAnchor } = state;
    expect(scoreStateSchema.safeParse(withoutAnchor).success).toBe(false);
  });
});
