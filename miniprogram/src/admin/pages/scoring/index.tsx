import type { ScoringModelVersion } from '@scrm/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { ModelComparisonView } from '../../components/model-comparison';
import { formatPoints } from '../../components/model-comparison/format';
import { StaffGate } from '../../components/staff-gate';
import { formatDateTime } from '../../format';
import { useScoringModels } from '../../hooks/use-scoring-models';
import '../../workbench.css';
import './index.css';

const TOP_RULES = 8;

function ModelCard({ model, title }: { model: ScoringModelVersion; title: string }) {
  return (
    <View className="card scoring__model">
      <View className="scoring__model-head">
        <Text className="scoring__model-title">{`${title} v${model.version}`}</Text>
        <Text className="tag">{model.label}</Text>
      </View>
      <Text className="muted">
        {model.activatedAt ? `启用于 ${formatDateTime(model.activatedAt)}` : '内置默认模型（行业经验）'}
      </Text>
      {model.rules.slice(0, TOP_RULES).map((r) => (
        <View key={`${r.ruleId}/${r.label}`} className="scoring__rule">
          <Text>{r.label}</Text>
          <Text className="scoring__rule-points">{formatPoints(r.points)}</Text>
        </View>
      ))}
    </View>
  );
}

function showError(error: unknown) {
  const title = error instanceof ApiError ? error.userMessage : '操作失败，请稍后再试';
  void Taro.showModal({ title: '未完成', content: title, showCancel: false });
}

function ScoringView() {
  const { models, fitCandidate, activate, rollBack } = useScoringModels();
  const [busy, setBusy] = useState<'fit' | 'activate' | 'rollback' | null>(null);

  const run = async <T,>(kind: 'fit' | 'activate' | 'rollback', work: () => Promise<T>, done: (r: T) => string) => {
    setBusy(kind);
    try {
      const result = await work();
      void Taro.showToast({ title: done(result), icon: 'none' });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  const confirm = async (title: string, content: string) => (await Taro.showModal({ title, content })).confirm;

  if (models.status === 'error' && !models.data)
    return <PageStatus kind="error" message={models.userMessage} onRetry={models.reload} />;
  if (!models.data) return <PageStatus kind="loading" />;
  const { active, previous, candidate, outcomes } = models.data;
  const negatives = outcomes.rows - outcomes.positives;
  const canFit = outcomes.positives >= outcomes.minPerClass && negatives >= outcomes.minPerClass;

  const onActivate = async (version: number) => {
    if (
      !(await confirm(
        '启用候选模型',
        `启用 v${version} 后，所有线索将按新模型重新评分（分批进行），当前模型会保留以便回滚。确定吗？`,
      ))
    )
      return;
    await run(
      'activate',
      () => activate(version),
      (r) => `已启用 v${r.active.version}，重新评分 ${r.rescored} 条线索`,
    );
  };
  const onRollBack = async (version: number) => {
    if (!(await confirm('回滚模型', `回滚到 v${version}，所有线索将按该版本重新评分。确定吗？`))) return;
    await run('rollback', rollBack, (r) => `已回滚到 v${r.active.version}，重新评分 ${r.rescored} 条线索`);
  };

  return (
    <View className="workbench-page scoring">
      <ModelCard model={active} title="当前模型" />
      {previous && (
        <View className="scoring__actions">
          <Button
            className="scoring__button"
            disabled={busy !== null}
            onClick={() => void onRollBack(previous.version)}
          >
            {busy === 'rollback' ? '回滚中…' : `回滚到上一版本 v${previous.version}`}
          </Button>
        </View>
      )}

      <Text className="section-title">用本机构的数据拟合</Text>
      <Text className="muted">
        {`有结果的线索 ${outcomes.rows} 条：已报名 ${outcomes.positives} 条，已退回或沉睡 ${negatives} 条。拟合至少需要各 ${outcomes.minPerClass} 条。`}
      </Text>
      <Button
        className="primary-button scoring__button"
        disabled={busy !== null || !canFit}
        onClick={() => void run('fit', fitCandidate, () => '候选模型已生成')}
      >
        {busy === 'fit' ? '拟合中…' : '拟合候选模型'}
      </Button>

      {candidate?.comparison ? (
        <View className="card scoring__candidate">
          <Text className="scoring__model-title">{`候选模型 v${candidate.version}`}</Text>
          <ModelComparisonView comparison={candidate.comparison} />
          <Button
            className="primary-button scoring__button"
            disabled={busy !== null}
            onClick={() => void onActivate(candidate.version)}
          >
            {busy === 'activate' ? '启用并重新评分中…' : `启用 v${candidate.version}`}
          </Button>
        </View>
      ) : (
        <PageStatus kind="empty" message="还没有候选模型。有足够的报名和流失线索后，点击上方按钮拟合。" />
      )}
    </View>
  );
}

/**
 * 评分模型 (issue 15 §4, institution-wide managers): the active model, a candidate fitted from the
 * institution's outcomes side by side with it, activation and roll back, each confirmed first.
 */
export default function ScoringPage() {
  return <StaffGate>{() => <ScoringView />}</StaffGate>;
}
