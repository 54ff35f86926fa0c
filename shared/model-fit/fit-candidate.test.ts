import { describe, expect, it } from 'vitest';
import type { HistoricalLead } from '../calibration/historical-lead.js';
import { createSeededRandom } from '../calibration/seeded-random.js';
import { DEFAULT_SCORING_MODEL } from '../scoring/default-model.js';
import { leadProfileSchema } from '../scoring/lead-profile.js';
import { buildSampleSignal } from '../scoring/scoring-test-kit.js';
import { fitCandidateModel, InsufficientOutcomesError, MIN_OUTCOMES_PER_CLASS } from './fit-candidate.js';
import { describeWeightChange } from './weight-changes.js';

const T = Date.parse('2026-09-01T00:00:00.000Z');

/**
 * Leads where a consultation request enrols 80% of the time and its absence 20%, and the need
 * field says nothing: the fit must raise the consultation rule and move `need-clear` toward 0.
 */
function makeLeads(n: number, seed: number): HistoricalLead[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const asked = random() < 0.5;
    const isConverted = random() < (asked ? 0.8 : 0.2);
    return {
      id: `l${i}`,
      profile: leadProfileSchema.parse({ need: random() < 0.5 ? 'clear' : 'unknown' }),
      signals: asked ? [buildSampleSignal('consultation_request', `s${i}`, T + i * 1000)] : [],
      isConverted,
    };
  });
}

describe('fitCandidateModel (issue 15 §4)', () => {
  const leads = makeLeads(400, 7);
  const { candidate, comparison } = fitCandidateModel({ leads, active: DEFAULT_SCORING_MODEL, version: 9, seed: 3 });

  it('keeps the rules, names the new version and records the holdout AUC', () => {
    expect(candidate.version).toBe(9);
    expect(candidate.fit.rules.map((r) => r.id)).toEqual(DEFAULT_SCORING_MODEL.fit.rules.map((r) => r.id));
    expect(candidate.calibration?.testAuc).toBe(comparison.candidate.auc);
    expect(comparison.active.version).toBe(DEFAULT_SCORING_MODEL.version);
  });

  it('splits 70/30 keeping the enrolment rate, and every held-out lead lands in one decile', () => {
    const { outcomes, train, holdout } = comparison;
    expect(train.rows + holdout.rows).toBe(outcomes.rows);
    expect(train.positives + holdout.positives).toBe(outcomes.positives);
    expect(Math.abs(train.positives / train.rows - holdout.positives / holdout.rows)).toBeLessThan(0.02);
    for (const measures of [comparison.active, comparison.candidate]) {
      expect(measures.liftByDecile.reduce((s, d) => s + d.count, 0)).toBe(holdout.rows);
      expect(measures.calibration.reduce((s, b) => s + b.count, 0)).toBe(holdout.rows);
    }
  });

  it('ranks at least as well as chance on the signal that matters', () => {
    expect(comparison.candidate.auc).toBeGreaterThan(0.7);
  });

  it('explains the changed weights with their evidence', () => {
    const consultation = comparison.weightChanges.find((c) => c.ruleId === 'consultation' && c.part === 'points');
    expect(consultation).toBeDefined();
    expect(consultation?.before).toBe(20);
    expect(consultation?.support).toBeGreaterThan(100);
    expect(consultation?.reason).toMatch(/条报名/);
    const need = comparison.weightChanges.find((c) => c.ruleId === 'need-clear');
    expect(Math.abs(need?.after ?? 0)).toBeLessThan(Math.abs(need?.before ?? 0));
    const moves = comparison.weightChanges.map((c) => Math.abs(c.after - c.before));
    expect(moves).toEqual([...moves].sort((a, b) => b - a));
    expect(moves.every((m) => m >= 0.5)).toBe(true);
  });

  it('is reproducible from its seed', () => {
    const again = fitCandidateModel({ leads, active: DEFAULT_SCORING_MODEL, version: 9, seed: 3 });
    expect(again.comparison).toEqual(comparison);
  });

  it('refits from a fitted model: same rules, the next version, measured against the fitted one', () => {
    const again = fitCandidateModel({ leads: makeLeads(400, 11), active: candidate, version: 10, seed: 4 });
    expect(again.candidate.version).toBe(10);
    expect(again.candidate.engagement.rules.map((r) => r.id)).toEqual(candidate.engagement.rules.map((r) => r.id));
    expect(again.comparison.active.version).toBe(9);
    // A calibrated active model is measured with its own probabilities, so its table has every lead.
    expect(again.comparison.active.calibration.reduce((s, b) => s + b.count, 0)).toBe(again.comparison.holdout.rows);
  });

  it('refuses too few outcomes of one kind, saying how many there are', () => {
    const few = makeLeads(400, 1).map((l, i) => ({ ...l, isConverted: i < MIN_OUTCOMES_PER_CLASS - 1 }));
    expect(() => fitCandidateModel({ leads: few, active: DEFAULT_SCORING_MODEL, version: 3, seed: 1 })).toThrow(
      InsufficientOutcomesError,
    );
  });
});

describe('describeWeightChange', () => {
  it('states the evidence and the direction', () => {
    const reason = describeWeightChange({
      before: 5,
      after: 12,
      support: 40,
      supportPositives: 30,
      overallRate: 0.4,
      minSupport: 10,
    });
    expect(reason).toBe('40 条有结果的线索命中此规则，其中 30 条报名（75%，高于整体 40%），故上调');
    expect(
      describeWeightChange({ before: 5, after: 1, support: 40, supportPositives: 4, overallRate: 0.4, minSupport: 10 }),
    ).toMatch(/10%，低于整体 40%），故下调$/);
    expect(
      describeWeightChange({ before: 5, after: 0, support: 3, supportPositives: 3, overallRate: 0.4, minSupport: 10 }),
    ).toBe('仅 3 条有结果的线索命中此规则（少于 10 条），证据不足，权重归零');
  });
});
