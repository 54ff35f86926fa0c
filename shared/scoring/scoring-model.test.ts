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

  it('rule ids are lowercase kebab-case from first to last character', () => {
    const [first, ...rest] = DEFAULT_SCORING_MODEL.engagement.rules;
    const withId = (id: string) => ({ ...DEFAULT_SCORING_MODEL, engagement: { rules: [{ ...first, id }, ...rest] } });
    expect(scoringModelSchema.safeParse(withId('page-view-2')).success).toBe(true);
    for (const id of ['Page-view', 'page_view', 'page view', '-page', 'a'.repeat(65)]) {
      const issue = scoringModelSchema.safeParse(withId(id)).error?.issues[0];
      expect(issue?.message, id).toBe('rule id: lowercase kebab-case, at most 64 characters');
    }
    const duplicate = withId(DEFAULT_SCORING_MODEL.fit.rules[0]?.id ?? '');
    expect(scoringModelSchema.safeParse(duplicate).error?.issues[0]).toMatchObject({
      code: 'custom',
      message: 'duplicate rule id role-parent',
    });
  });

  it('model ids follow the same form, and labels are trimmed and never blank', () => {
    for (const id of ['Default', 'default_v2', '-default']) {
      expect(scoringModelSchema.safeParse({ ...DEFAULT_SCORING_MODEL, id }).success, id).toBe(false);
    }
    expect(scoringModelSchema.safeParse({ ...DEFAULT_SCORING_MODEL, label: '   ' }).success).toBe(false);
    expect(parseScoringModel({ ...DEFAULT_SCORING_MODEL, label: ' 春季模型 ' }).label).toBe('春季模型');
    const [first, ...rest] = DEFAULT_SCORING_MODEL.engagement.rules;
    const blankRule = { ...DEFAULT_SCORING_MODEL, engagement: { rules: [{ ...first, label: '  ' }, ...rest] } };
    expect(scoringModelSchema.safeParse(blankRule).success).toBe(false);
  });

  it('a rule may filter on several statuses and up to 50 channels of up to 64 characters', () => {
    const rule = (when: object) => ({
      ...DEFAULT_SCORING_MODEL,
      engagement: {
        rules: [{ id: 'sent', label: '发送', signal: 'message_sent', points: 1, dailyCap: 1, when }],
      },
    });
    const channels = (n: number, length = 3) => Array.from({ length: n }, (_, i) => `${i}`.padStart(length, 'c'));
    expect(scoringModelSchema.safeParse(rule({ status: ['ok', 'bounced'] })).success).toBe(true);
    expect(scoringModelSchema.safeParse(rule({ channels: channels(50) })).success).toBe(true);
    expect(scoringModelSchema.safeParse(rule({ channels: channels(2, 64) })).success).toBe(true);
    expect(scoringModelSchema.safeParse(rule({ channels: channels(51) })).success).toBe(false);
    expect(scoringModelSchema.safeParse(rule({ channels: channels(1, 65) })).success).toBe(false);
    expect(scoringModelSchema.safeParse(rule({ channels: [] })).success).toBe(false);
  });

  it('a threshold rule names a numeric prop and a positive total, and no per-unit points or window cap', () => {
    const threshold = { prop: 'durationMs', atLeast: 300_000 };
    const reading = {
      id: 'read-5min',
      label: '累计阅读满 5 分钟',
      signal: 'page_view',
      points: 3,
      dailyCap: 10,
      threshold,
    };
    const withRule = (over: object) => ({
      ...DEFAULT_SCORING_MODEL,
      engagement: { rules: [...DEFAULT_SCORING_MODEL.engagement.rules, { ...reading, ...over }] },
    });
    const parsed = parseScoringModel(JSON.parse(JSON.stringify(withRule({}))));
    expect(parsed.engagement.rules.at(-1)).toEqual(reading);
    expect(scoringModelSchema.safeParse(withRule({ threshold: { prop: 'durationSec', atLeast: 0.5 } })).success).toBe(
      true,
    );
    for (const bad of [
      { ...threshold, atLeast: 0 },
      { ...threshold, atLeast: Number.POSITIVE_INFINITY },
      { ...threshold, prop: 'progress' },
      { prop: 'durationMs' },
      { ...threshold, unit: 60_000 },
    ]) {
      expect(scoringModelSchema.safeParse(withRule({ threshold: bad })).success, JSON.stringify(bad)).toBe(false);
    }
    const rulePath = ['engagement', 'rules', DEFAULT_SCORING_MODEL.engagement.rules.length];
    const perUnit = { prop: 'durationMs', unit: 60_000, points: 1, maxUnits: 10 };
    expect(scoringModelSchema.safeParse(withRule({ perUnit })).error?.issues).toMatchObject([
      {
        code: 'custom',
        path: [...rulePath, 'perUnit'],
        message: 'rule read-5min: a threshold rule earns its points once; it cannot have perUnit',
      },
    ]);
    expect(scoringModelSchema.safeParse(withRule({ windowCap: 3 })).error?.issues).toMatchObject([
      {
        code: 'custom',
        path: [...rulePath, 'windowCap'],
        message: 'rule read-5min: a threshold rule earns its points once; it cannot have windowCap',
      },
    ]);
    // Without a threshold, per-unit points and a window cap are as before.
    const { threshold: _, ...plain } = reading;
    const plainRule = { ...DEFAULT_SCORING_MODEL, engagement: { rules: [{ ...plain, perUnit, windowCap: 3 }] } };
    expect(scoringModelSchema.safeParse(plainRule).success).toBe(true);
  });

  it('a calibrated model carries how it was fitted, and round-trips', () => {
    const calibrated: ScoringModel = {
      ...DEFAULT_SCORING_MODEL,
      id: 'x-education',
      version: 2,
      calibration: {
        method: 'l2-logistic-newton',
        baseModel: { id: 'default', version: 1 },
        dataset: 'x-education-leads.csv',
        asOf: '2026-04-01T10:00:00+08:00',
        trainRows: 6468,
        trainPositives: 2502,
        l2: 1,
        intercept: -1.5,
        pointsPerLogit: 20,
        trainAuc: 0.9,
        testAuc: 1,
        iterations: 8,
      },
    };
    expect(parseScoringModel(JSON.parse(JSON.stringify(calibrated)))).toEqual(calibrated);
    const info = calibrated.calibration;
    const withInfo = (over: object) => ({ ...calibrated, calibration: { ...info, ...over } });
    expect(scoringModelSchema.safeParse(withInfo({ trainAuc: 1.01 })).success).toBe(false);
    expect(scoringModelSchema.safeParse(withInfo({ trainAuc: 0 })).success).toBe(true);
    expect(scoringModelSchema.safeParse(withInfo({ testAuc: -0.01 })).success).toBe(false);
    expect(scoringModelSchema.safeParse(withInfo({ testAuc: 1.01 })).success).toBe(false);
    expect(scoringModelSchema.safeParse(withInfo({ dataset: 'd'.repeat(200) })).success).toBe(true);
    expect(scoringModelSchema.safeParse(withInfo({ dataset: 'd'.repeat(201) })).success).toBe(false);
    expect(scoringModelSchema.safeParse(withInfo({ asOf: '2026-04-01' })).success).toBe(false);
  });
});
