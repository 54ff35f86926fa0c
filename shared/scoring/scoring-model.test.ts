import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL } from './default-model.js';
import { parseScoringModel, type ScoringModel, scoringModelSchema } from './scoring-model.js';

describe('scoring model document (SPEC §2.3)', () => {
  it('the default model round-trips through JSON and its schema', () => {
    const parsed = parseScoringModel(JSON.parse(JSON.stringify(DEFAULT_SCORING_MODEL)));
    expect(parsed).toEqual(DEFAULT_SCORING_MODEL);
  });

  it('any model with changed points and caps round-trips', () => {
    const rules = DEFAULT_SCORING_MODEL.engagement.rules;
    fc.assert(
      fc.property(
        fc.array(
          fc.double({ min: -1000, max: 1000, noNaN: true }).map((x) => x + 0),
          { minLength: rules.length, maxLength: rules.length },
        ),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: rules.length, maxLength: rules.length }),
        fc.double({ min: 0.01, max: 3650, noNaN: true }),
        (points, caps, halfLifeDays) => {
          const model: ScoringModel = {
            ...DEFAULT_SCORING_MODEL,
            version: 7,
            engagement: { rules: rules.map((r, i) => ({ ...r, points: points[i] ?? 0, dailyCap: caps[i] ?? 1 })) },
            decay: { halfLifeDays, windowDays: 365 },
          };
          expect(parseScoringModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
        },
      ),
    );
  });

  it('rejects duplicate rule ids, unknown signals and a zero cap, naming the field', () => {
    const dup = {
      ...DEFAULT_SCORING_MODEL,
      fit: { rules: [...DEFAULT_SCORING_MODEL.fit.rules, DEFAULT_SCORING_MODEL.fit.rules[0]] },
    };
    expect(scoringModelSchema.safeParse(dup).error?.issues[0]?.message).toMatch(/duplicate rule id role-parent/);
    const [first, ...rest] = DEFAULT_SCORING_MODEL.engagement.rules;
    const badSignal = { ...DEFAULT_SCORING_MODEL, engagement: { rules: [{ ...first, signal: 'wave' }, ...rest] } };
    expect(scoringModelSchema.safeParse(badSignal).error?.issues[0]?.path).toEqual([
      'engagement',
      'rules',
      0,
      'signal',
    ]);
    const zeroCap = { ...DEFAULT_SCORING_MODEL, engagement: { rules: [{ ...first, dailyCap: 0 }, ...rest] } };
    expect(scoringModelSchema.safeParse(zeroCap).success).toBe(false);
  });

  it('the default model weighs "within a year" most among fit rules', () => {
    const max = Math.max(...DEFAULT_SCORING_MODEL.fit.rules.map((r) => r.points));
    expect(DEFAULT_SCORING_MODEL.fit.rules.find((r) => r.points === max)?.id).toBe('timeline-within-year');
  });
});
