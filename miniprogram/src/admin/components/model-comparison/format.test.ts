import { describe, expect, it } from 'vitest';
import { describeAucChange, formatAuc, formatPoints, formatRate, pairDeciles } from './format';

const side = (auc: number, lifts: number[]) => ({
  version: 1,
  auc,
  calibration: [],
  liftByDecile: lifts.map((lift, i) => ({
    decile: i + 1,
    count: 10,
    positives: 1,
    rate: 0.1,
    lift,
    cumulativeCapture: (i + 1) / lifts.length,
    minScore: 0,
  })),
});

describe('model comparison formats', () => {
  it('writes AUC, rates and signed points', () => {
    expect(formatAuc(0.89024)).toBe('0.890');
    expect(formatRate(0.355)).toBe('35.5%');
    expect(formatPoints(12.46)).toBe('+12.5');
    expect(formatPoints(-3)).toBe('-3');
    expect(formatPoints(-0.01)).toBe('0');
  });

  it('says in words whether the candidate ranks better', () => {
    expect(describeAucChange({ active: side(0.8, []), candidate: side(0.85, []) })).toBe(
      '候选模型的 AUC 高出 0.050，更能把会报名的线索排在前面',
    );
    expect(describeAucChange({ active: side(0.8, []), candidate: side(0.75, []) })).toMatch(/低了 0.050，不建议启用/);
    expect(describeAucChange({ active: side(0.8, []), candidate: side(0.803, []) })).toBe(
      '候选模型与当前模型排序能力相当',
    );
  });

  it('pairs the deciles of both models in order', () => {
    const pairs = pairDeciles({ active: side(0.8, [2, 1]), candidate: side(0.9, [3, 0.5]) });
    expect(pairs).toEqual([
      { decile: 1, activeLift: 2, candidateLift: 3, candidateCapture: 0.5 },
      { decile: 2, activeLift: 1, candidateLift: 0.5, candidateCapture: 1 },
    ]);
  });
});
