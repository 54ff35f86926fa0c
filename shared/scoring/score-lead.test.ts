import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL as MODEL } from './default-model.js';
import { leadProfileSchema } from './lead-profile.js';
import { isFitRuleMatch, isMqlScore, scoreFit, scoreLead, scoreLeadFromSignals } from './score-lead.js';
import { applyScoringSignal, createScoreState } from './score-state.js';
import type { ScoringModel } from './scoring-model.js';
import { scoringSignalSchema } from './scoring-signal.js';
import { buildSampleSignal } from './scoring-test-kit.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 3, 1, 2);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('scoreLead (SPEC §2.3)', () => {
  const profile = leadProfileSchema.parse({
    role: 'parent',
    gradeBand: 'middle',
    campusReach: 'local',
    timeline: 'within_1_year',
    need: 'clear',
  });

  it('explains fit with Chinese labels and adds decayed engagement', () => {
    let state = createScoreState(MODEL);
    for (const [i, signal] of [
      buildSampleSignal('content_download', id(1), T0),
      buildSampleSignal('consultation_request', id(2), T0 + 1000),
    ].entries()) {
      expect(scoringSignalSchema.safeParse(signal).success, `signal ${i}`).toBe(true);
      state = applyScoringSignal(state, signal, MODEL);
    }
    const now = scoreLead({ profile, state, model: MODEL, now: new Date(T0 + 1000) });
    expect(now.fit).toBe(8 + 6 + 8 + 20 + 10);
    expect(now.breakdown.find((b) => b.ruleId === 'timeline-within-year')).toEqual({
      ruleId: 'timeline-within-year',
      label: '一年内报名',
      dimension: 'fit',
      points: 20,
    });
    expect(now.engagement).toBeCloseTo(3 + 20, 3);
    expect(now.isMql).toBe(true);
    const later = scoreLead({ profile, state, model: MODEL, now: new Date(T0 + 1000 + 30 * DAY) });
    expect(later.engagement).toBeCloseTo(11.5, 3);
    expect(later.fit).toBe(now.fit);
  });

  it('an unqualified but busy lead is not an MQL (fit below the minimum)', () => {
    const signals = [1, 2, 3].map((n) => buildSampleSignal('consultation_request', id(n), T0 + n * DAY));
    const score = scoreLeadFromSignals({
      profile: leadProfileSchema.parse({}),
      signals,
      model: MODEL,
      now: new Date(T0 + 3 * DAY),
    });
    expect(score.total).toBeGreaterThan(MODEL.mql.minTotal);
    expect(score.isMql).toBe(false);
  });

  it('negative signals: bounce, unsubscribe, no-show and an advisor return lower the score', () => {
    const kinds = ['message_bounced', 'unsubscribe', 'trial_no_show', 'advisor_return'] as const;
    const score = scoreLeadFromSignals({
      profile,
      signals: kinds.map((k, i) => buildSampleSignal(k, id(i), T0)),
      model: MODEL,
      now: new Date(T0),
    });
    expect(score.engagement).toBe(-5 - 15 - 15 - 20);
    expect(score.breakdown.map((b) => b.label)).toContain('顾问退回');
  });

  it('awards page time per minute, capped per page', () => {
    const score = (ms: number) =>
      scoreLeadFromSignals({
        profile,
        signals: [buildSampleSignal('page_view', id(1), T0, ms)],
        model: MODEL,
        now: new Date(T0),
      }).engagement;
    expect(score(0)).toBe(0);
    expect(score(4 * 60_000)).toBe(4);
    expect(score(60 * 60_000)).toBe(10);
  });

  it('a lead at exactly the MQL threshold (total 40) and the fit minimum (15) is an MQL', () => {
    // Parent 8 + regional campus 3 + known decision maker 4 = fit 15; a trial booked now adds 25.
    const atMinimum = leadProfileSchema.parse({ role: 'parent', campusReach: 'regional', decisionMaker: 'parent' });
    const booked = scoringSignalSchema.parse({
      id: id(1),
      type: 'trial_booked',
      occurredAt: new Date(T0).toISOString(),
      props: { sessionId: id(2) },
    });
    const score = scoreLeadFromSignals({ profile: atMinimum, signals: [booked], model: MODEL, now: new Date(T0) });
    expect([score.fit, score.engagement, score.total]).toEqual([15, 25, 40]);
    expect(score.isMql).toBe(true);
  });

  it('the MQL rule: total at least minTotal and fit at least minFit, both bounds inclusive', () => {
    // The default model: total 40, fit 15 (SPEC §2.3).
    expect(isMqlScore(15, 40, MODEL)).toBe(true);
    expect(isMqlScore(15, 39.99, MODEL)).toBe(false);
    expect(isMqlScore(14.99, 40, MODEL)).toBe(false);
    expect(isMqlScore(14.99, 400, MODEL)).toBe(false);
    expect(isMqlScore(40, 100, MODEL)).toBe(true);
    // Without minFit any fit qualifies, even a negative one.
    const noFitMinimum: ScoringModel = { ...MODEL, mql: { minTotal: 40 } };
    expect(isMqlScore(-10, 40, noFitMinimum)).toBe(true);
    expect(isMqlScore(-10, 39.99, noFitMinimum)).toBe(false);
  });

  it('a fit rule matches a listed value, or any known value when it lists none; unknown and unset never match', () => {
    const known = { id: 'course', label: '课程', field: 'courseInterest' as const, points: 5 };
    expect(isFitRuleMatch(known, leadProfileSchema.parse({ courseInterest: 'ielts' }))).toBe(true);
    expect(isFitRuleMatch(known, leadProfileSchema.parse({}))).toBe(false);
    const anyRole = { id: 'role', label: '角色', field: 'role' as const, points: 5 };
    expect(isFitRuleMatch(anyRole, leadProfileSchema.parse({ role: 'student' }))).toBe(true);
    expect(isFitRuleMatch(anyRole, leadProfileSchema.parse({ role: 'unknown' }))).toBe(false);
    const parents = { ...anyRole, anyOf: ['parent'] };
    expect(isFitRuleMatch(parents, leadProfileSchema.parse({ role: 'parent' }))).toBe(true);
    expect(isFitRuleMatch(parents, leadProfileSchema.parse({ role: 'student' }))).toBe(false);
    // A lead nobody has qualified yet has no fit at all.
    expect(scoreFit(leadProfileSchema.parse({}), MODEL)).toEqual({ fit: 0, breakdown: [] });
  });

  it('a fit rule worth zero points adds no line to the breakdown', () => {
    const zero: ScoringModel = {
      ...MODEL,
      fit: { rules: [{ id: 'role-any', label: '任何角色', field: 'role', points: 0 }, ...MODEL.fit.rules] },
    };
    const { fit, breakdown } = scoreFit(leadProfileSchema.parse({ role: 'parent' }), zero);
    expect(fit).toBe(8);
    expect(breakdown.map((b) => b.ruleId)).toEqual(['role-parent']);
  });

  it('lists engagement in the order of the model rules after the fit lines, with labels and points', () => {
    const score = scoreLeadFromSignals({
      profile: leadProfileSchema.parse({ role: 'student' }),
      signals: [buildSampleSignal('unsubscribe', id(1), T0), buildSampleSignal('content_download', id(2), T0)],
      model: MODEL,
      now: new Date(T0),
    });
    expect(score.breakdown).toEqual([
      { ruleId: 'role-student', label: '学员本人', dimension: 'fit', points: 4 },
      { ruleId: 'content-download', label: '下载资料', dimension: 'engagement', points: 3 },
      { ruleId: 'unsubscribe', label: '退订', dimension: 'engagement', points: -15 },
    ]);
    expect([score.fit, score.engagement, score.total]).toEqual([4, -12, -8]);
  });

  it('a clock behind the newest signal scores at the newest signal, never higher', () => {
    const signals = [buildSampleSignal('consultation_request', id(1), T0)];
    const at = (ms: number) => scoreLeadFromSignals({ profile, signals, model: MODEL, now: new Date(ms) }).engagement;
    expect(at(T0 - 10 * DAY)).toBe(20);
    expect(at(T0)).toBe(20);
    expect(at(T0 + 30 * DAY)).toBeCloseTo(10, 9);
  });

  it('engagement decayed to nothing leaves no line in the breakdown', () => {
    // A century is 1,217 half-lives: 2^-1217 is below the smallest double, so the points are 0.
    const signals = [buildSampleSignal('consultation_request', id(1), T0)];
    const score = scoreLeadFromSignals({ profile, signals, model: MODEL, now: new Date(T0 + 36_500 * DAY) });
    expect(score.engagement).toBe(0);
    expect(score.breakdown.filter((b) => b.dimension === 'engagement')).toEqual([]);
  });
});
