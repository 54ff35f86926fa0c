/**
 * Which weights a fit changed and why (issue 15 §4 "which weights changed and why"): for every rule
 * whose points moved, how often it fired on the training leads and how many of those enrolled,
 * written out in Chinese so an advisor can follow the reason.
 */
import type { HistoricalLead } from '../calibration/historical-lead.js';
import { extractRuleFeatures } from '../calibration/rule-features.js';
import type { WeightChange } from '../contracts/scoring-models.js';
import type { ScoringModel } from '../scoring/scoring-model.js';

/** Changes smaller than this are rounding, not news. */
const MIN_CHANGE = 0.5;

type RuleWeight = {
  ruleId: string;
  label: string;
  dimension: 'fit' | 'engagement';
  part: 'points' | 'perUnit';
  points: number;
};

function listWeights(model: ScoringModel): RuleWeight[] {
  return [
    ...model.fit.rules.map(
      (r): RuleWeight => ({ ruleId: r.id, label: r.label, dimension: 'fit', part: 'points', points: r.points }),
    ),
    ...model.engagement.rules.flatMap((r): RuleWeight[] => [
      { ruleId: r.id, label: r.label, dimension: 'engagement', part: 'points', points: r.points },
      ...(r.perUnit
        ? [
            {
              ruleId: r.id,
              label: r.label,
              dimension: 'engagement' as const,
              part: 'perUnit' as const,
              points: r.perUnit.points,
            },
          ]
        : []),
    ]),
  ];
}

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The reason text of one change (Chinese, shown to managers and advisors). */
export function describeWeightChange(input: {
  before: number;
  after: number;
  support: number;
  supportPositives: number;
  overallRate: number;
  minSupport: number;
}): string {
  const { before, after, support, supportPositives, overallRate, minSupport } = input;
  const direction = after > before ? '上调' : '下调';
  if (support < minSupport) {
    return `仅 ${support} 条有结果的线索命中此规则（少于 ${minSupport} 条），证据不足，权重归零`;
  }
  const rate = supportPositives / support;
  const comparison = rate > overallRate ? '高于' : rate < overallRate ? '低于' : '等于';
  return `${support} 条有结果的线索命中此规则，其中 ${supportPositives} 条报名（${percent(rate)}，${comparison}整体 ${percent(overallRate)}），故${direction}`;
}

/** Every weight that moved by at least half a point, largest move first. */
export function listWeightChanges(input: {
  active: ScoringModel;
  candidate: ScoringModel;
  train: readonly HistoricalLead[];
  asOf: Date;
  minSupport: number;
}): WeightChange[] {
  const { active, candidate, train, asOf, minSupport } = input;
  const { features, rows } = extractRuleFeatures(train, candidate, asOf);
  const support = new Map<string, { count: number; positives: number }>();
  features.forEach((feature, j) => {
    let count = 0;
    let positives = 0;
    rows.forEach((row, i) => {
      if ((row[j] ?? 0) === 0) return;
      count += 1;
      if (train[i]?.isConverted) positives += 1;
    });
    support.set(`${feature.ruleId}/${feature.part === 'units' ? 'perUnit' : 'points'}`, { count, positives });
  });
  const overallRate = train.length === 0 ? 0 : train.filter((l) => l.isConverted).length / train.length;
  const before = new Map(listWeights(active).map((w) => [`${w.ruleId}/${w.part}`, w.points]));
  return listWeights(candidate)
    .map((w): WeightChange => {
      const key = `${w.ruleId}/${w.part}`;
      const was = before.get(key) ?? 0;
      const s = support.get(key) ?? { count: 0, positives: 0 };
      return {
        ruleId: w.ruleId,
        label: w.label,
        dimension: w.dimension,
        part: w.part,
        before: was,
        after: w.points,
        support: s.count,
        supportPositives: s.positives,
        reason: describeWeightChange({
          before: was,
          after: w.points,
          support: s.count,
          supportPositives: s.positives,
          overallRate,
          minSupport,
        }),
      };
    })
    .filter((c) => Math.abs(c.after - c.before) >= MIN_CHANGE)
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.ruleId.localeCompare(b.ruleId));
}
