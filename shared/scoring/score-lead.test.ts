import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL as MODEL } from './default-model.js';
import { leadProfileSchema } from './lead-profile.js';
import { scoreLead, scoreLeadFromSignals } from './score-lead.js';
import { applyScoringSignal, createScoreState } from './score-state.js';
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
});
