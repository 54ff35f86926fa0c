import type { ModelComparison } from '@scrm/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelComparisonView } from '.';

afterEach(cleanup);

const deciles = (lifts: number[]) =>
  lifts.map((lift, i) => ({
    decile: i + 1,
    count: 3,
    positives: 1,
    rate: 0.33,
    lift,
    cumulativeCapture: (i + 1) / lifts.length,
    minScore: 10 - i,
  }));

const COMPARISON: ModelComparison = {
  outcomes: { rows: 100, positives: 40 },
  train: { rows: 70, positives: 28 },
  holdout: { rows: 30, positives: 12, seed: 2026 },
  active: { version: 2, auc: 0.71, liftByDecile: deciles([1.5, 1.2]), calibration: [] },
  candidate: {
    version: 3,
    auc: 0.83,
    liftByDecile: deciles([2.4, 1.1]),
    calibration: [{ from: 0.8, to: 0.9, count: 7, meanPredicted: 0.85, observedRate: 0.857 }],
  },
  weightChanges: [
    {
      ruleId: 'consultation',
      label: '咨询请求',
      dimension: 'engagement',
      part: 'points',
      before: 20,
      after: 31.4,
      support: 40,
      supportPositives: 30,
      reason: '40 条有结果的线索命中此规则，其中 30 条报名（75%，高于整体 40%），故上调',
    },
  ],
};

describe('ModelComparisonView (issue 15 §4)', () => {
  it('shows both AUCs, the verdict, the deciles, the calibration and each changed weight with its reason', () => {
    render(<ModelComparisonView comparison={COMPARISON} />);
    expect(screen.getByText('0.710')).toBeTruthy();
    expect(screen.getByText('0.830')).toBeTruthy();
    expect(screen.getByText('候选模型的 AUC 高出 0.120，更能把会报名的线索排在前面')).toBeTruthy();
    expect(screen.getByText('1.50 / 2.40')).toBeTruthy();
    expect(screen.getByText('85.7%')).toBeTruthy();
    expect(screen.getByText('+20 → +31.4')).toBeTruthy();
    expect(screen.getByText(COMPARISON.weightChanges[0]?.reason ?? '')).toBeTruthy();
    expect(screen.getByText(/另 30 条（12 条报名）用于对比/)).toBeTruthy();
  });

  it('says so when no weight moved', () => {
    render(<ModelComparisonView comparison={{ ...COMPARISON, weightChanges: [] }} />);
    expect(screen.getByText('没有规则的分值变化超过 0.5 分。')).toBeTruthy();
  });
});
