/**
 * Calibration over threshold rules (SPEC §2.3, issue 15 §4): the rule's feature is its one counted
 * signal decayed, so its fitted weight is its points, and a reading-time step the data shows is
 * found by the fit.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL } from '../scoring/default-model.js';
import { UNKNOWN_LEAD_PROFILE } from '../scoring/lead-profile.js';
import { scoreLeadFromSignals } from '../scoring/score-lead.js';
import type { EngagementRule, ScoringModel } from '../scoring/scoring-model.js';
import { buildSampleSignal } from '../scoring/scoring-test-kit.js';
import { calibrateScoringModel } from './calibrate-model.js';
import type { HistoricalLead } from './historical-lead.js';
import { extractRuleFeatures, listRuleFeatures } from './rule-features.js';
import { createSeededRandom } from './seeded-random.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const AS_OF = new Date('2026-09-01T00:00:00.000Z');
const FIVE_MINUTES: EngagementRule = {
  id: 'read-5min',
  label: '累计阅读满 5 分钟',
  signal: 'page_view',
  points: 0,
  threshold: { prop: 'durationMs', atLeast: 5 * MINUTE },
  dailyCap: 10,
};
const BASE: ScoringModel = {
  ...DEFAULT_SCORING_MODEL,
  engagement: { rules: [...DEFAULT_SCORING_MODEL.engagement.rules, FIVE_MINUTES] },
};

/** A lead who read `minutes` on each of the days before `AS_OF` given (1 = yesterday). */
function reader(id: string, minutesByDay: Record<number, number>, isConverted = false): HistoricalLead {
  const signals = Object.entries(minutesByDay).map(([days, minutes]) =>
    buildSampleSignal('page_view', `${id}-${days}`, AS_OF.getTime() - Number(days) * DAY, minutes * MINUTE),
  );
  return { id, profile: UNKNOWN_LEAD_PROFILE, signals, isConverted };
}

describe('threshold rules in calibration (SPEC §2.3)', () => {
  it('one feature per threshold rule: 1 decayed from the day the total was passed, else 0', () => {
    const features = listRuleFeatures(BASE);
    expect(features.filter((f) => f.ruleId === 'read-5min')).toEqual([{ ruleId: 'read-5min', part: 'signal' }]);
    const column = features.findIndex((f) => f.ruleId === 'read-5min');
    const leads = [reader('passed', { 3: 2, 2: 2, 1: 2 }), reader('short', { 2: 2, 1: 2 }), reader('none', {})];
    const { rows } = extractRuleFeatures(leads, BASE, AS_OF);
    // Five minutes were passed yesterday: one day of a 30-day half-life.
    expect(rows[0]?.[column]).toBeCloseTo(2 ** (-1 / 30), 12);
    expect(rows[1]?.[column]).toBe(0);
    expect(rows[2]?.[column]).toBe(0);
  });

  it('the fit weighs a reading step the outcomes show, and the model scores it as fitted', () => {
    // Leads who read five minutes or more enrol 70% of the time, the others 20%, whatever the
    // exact minutes: a step, which the per-minute reading rule alone cannot draw.
    const random = createSeededRandom(11);
    const leads = Array.from({ length: 600 }, (_, i) => {
      const minutes = Math.floor(random() * 10) + 0.5;
      return reader(`l${i}`, { 2: minutes / 2, 1: minutes / 2 }, random() < (minutes >= 5 ? 0.7 : 0.2));
    });
    const model = calibrateScoringModel({
      leads,
      baseModel: DEFAULT_SCORING_MODEL,
      extraRules: { fit: [], engagement: [FIVE_MINUTES] },
      dataset: 'test',
      asOf: AS_OF,
    });
    const fitted = model.engagement.rules.find((r) => r.id === 'read-5min');
    expect(fitted?.threshold).toEqual(FIVE_MINUTES.threshold);
    expect(fitted?.points).toBeGreaterThan(10);
    const total = (lead: HistoricalLead) =>
      scoreLeadFromSignals({ profile: lead.profile, signals: lead.signals, model, now: AS_OF });
    const passed = total(reader('p', { 2: 2.5, 1: 2.5 }));
    expect(passed.breakdown.find((b) => b.ruleId === 'read-5min')?.points).toBeCloseTo(
      (fitted?.points ?? 0) * 2 ** (-1 / 30),
      12,
    );
    expect(total(reader('q', { 2: 2.4, 1: 2.5 })).breakdown.some((b) => b.ruleId === 'read-5min')).toBe(false);
  });
});
