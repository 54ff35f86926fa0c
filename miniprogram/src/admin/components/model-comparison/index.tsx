import type { ModelComparison } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import { describeAucChange, formatAuc, formatPoints, formatRate, pairDeciles } from './format';
import '../../workbench.css';
import './index.css';

/** Bars are drawn with widths, no chart library: the subpackage stays small (scripts/check-mp-size). */
function LiftBar({ lift, max, tone }: { lift: number; max: number; tone: 'active' | 'candidate' }) {
  const width = max > 0 ? Math.max(2, (lift / max) * 100) : 0;
  return <View className={`model-comparison__bar model-comparison__bar--${tone}`} style={{ width: `${width}%` }} />;
}

/**
 * The candidate beside the active model on the same held-out leads (issue 15 §4): AUC, lift by
 * decile, calibration, and the weights that changed with their reasons.
 */
export function ModelComparisonView({ comparison }: { comparison: ModelComparison }) {
  const deciles = pairDeciles(comparison);
  const maxLift = Math.max(...deciles.flatMap((d) => [d.activeLift, d.candidateLift]), 0);
  const { holdout, outcomes } = comparison;
  return (
    <View className="model-comparison">
      <Text className="muted">
        {`基于 ${outcomes.rows} 条有结果的线索（${outcomes.positives} 条报名）：70% 用于拟合，另 ${holdout.rows} 条（${holdout.positives} 条报名）用于对比。`}
      </Text>
      <View className="model-comparison__auc">
        <View className="model-comparison__auc-cell">
          <Text className="muted">{`当前 v${comparison.active.version}`}</Text>
          <Text className="model-comparison__auc-value">{formatAuc(comparison.active.auc)}</Text>
        </View>
        <View className="model-comparison__auc-cell">
          <Text className="muted">{`候选 v${comparison.candidate.version}`}</Text>
          <Text className="model-comparison__auc-value model-comparison__auc-value--candidate">
            {formatAuc(comparison.candidate.auc)}
          </Text>
        </View>
      </View>
      <Text className="model-comparison__verdict">{describeAucChange(comparison)}</Text>

      <Text className="section-title">按十分位的提升度</Text>
      <Text className="muted">按评分从高到低每十分之一线索的报名率，相对整体报名率的倍数。</Text>
      {deciles.map((d) => (
        <View key={d.decile} className="model-comparison__decile">
          <Text className="model-comparison__decile-label">{`第 ${d.decile} 档`}</Text>
          <View className="model-comparison__bars">
            <LiftBar lift={d.activeLift} max={maxLift} tone="active" />
            <LiftBar lift={d.candidateLift} max={maxLift} tone="candidate" />
          </View>
          <Text className="model-comparison__decile-value">{`${d.activeLift.toFixed(2)} / ${d.candidateLift.toFixed(2)}`}</Text>
        </View>
      ))}

      <Text className="section-title">校准（候选模型）</Text>
      <View className="model-comparison__table">
        <View className="model-comparison__row model-comparison__row--head">
          <Text>预测报名率</Text>
          <Text>实际报名率</Text>
          <Text>线索数</Text>
        </View>
        {comparison.candidate.calibration.map((bin) => (
          <View key={bin.from} className="model-comparison__row">
            <Text>{formatRate(bin.meanPredicted)}</Text>
            <Text>{formatRate(bin.observedRate)}</Text>
            <Text>{String(bin.count)}</Text>
          </View>
        ))}
      </View>

      <Text className="section-title">权重变化</Text>
      {comparison.weightChanges.length === 0 && <Text className="muted">没有规则的分值变化超过 0.5 分。</Text>}
      {comparison.weightChanges.map((w) => (
        <View key={`${w.ruleId}/${w.part}`} className="model-comparison__change">
          <View className="model-comparison__change-head">
            <Text className="model-comparison__change-label">{`${w.label}${w.part === 'perUnit' ? '（每单位）' : ''}`}</Text>
            <Text className="model-comparison__change-points">{`${formatPoints(w.before)} → ${formatPoints(w.after)}`}</Text>
          </View>
          <Text className="muted">{w.reason}</Text>
        </View>
      ))}
    </View>
  );
}
