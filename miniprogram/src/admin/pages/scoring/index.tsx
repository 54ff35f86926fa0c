import type { RescoringProgress, ScoringModelVersion } from '@scrm/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
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
/** How often the page asks how far a running rescoring is. */
const PROGRESS_POLL_MS = 3_000;

/** 已重算 n / N while the cron rescores every lead after a switch; when it ended, once it has. */
function RescoringLine({ rescoring }: { rescoring: RescoringProgress }) {
  const { version, done, total, status } = rescoring;
  const share = total === 0 ? 1 : Math.min(done / total, 1);
  if (status === 'finished') {
    return (
      <Text className="muted scoring__rescoring-done">
        {`v${version} 的重新评分已于 ${formatDateTime(rescoring.finishedAt ?? rescoring.startedAt)} 完成：共 ${done} 条线索`}
      </Text>
    );
  }
  return (
    <View className="card scoring__rescoring">
      <Text className="scoring__model-title">{`正在按 v${version} 重新评分`}</Text>
      <Text>{`已重算 ${done} / ${total}`}</Text>
      <View className="scoring__progress">
        <View className="scoring__progress-bar" style={{ width: `${Math.round(share * 100)}%` }} />
      </View>
      <Text className="muted">
        {rescoring.failedBatches > 0
          ? `有 ${rescoring.failedBatches} 批重算失败，系统会自动重试；完成前不能再切换模型。`
          : '分批在后台进行，可以离开本页；完成前不能再切换模型。'}
      </Text>
    </View>
  );
}

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
  const isRescoring = models.data?.rescoring?.status === 'running';
  const { reload } = models;
  useEffect(() => {
    if (!isRescoring) return;
    const timer = setInterval(reload, PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [isRescoring, reload]);

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
  const { active, previous, candidate, outcomes, rescoring } = models.data;
  const negatives = outcomes.rows - outcomes.positives;
  const canFit = outcomes.positives >= outcomes.minPerClass && negatives >= outcomes.minPerClass;

  const onActivate = async (version: number) => {
    if (
      !(await confirm(
        '启用候选模型',
        `启用 v${version} 后，所有线索将在后台按新模型分批重新评分，当前模型会保留以便回滚。确定吗？`,
      ))
    )
      return;
    await run(
      'activate',
      () => activate(version),
      (r) => `已启用 v${r.active.version}，开始重新评分 ${r.rescoring.total} 条线索`,
    );
  };
  const onRollBack = async (version: number) => {
    if (!(await confirm('回滚模型', `回滚到 v${version}，所有线索将在后台按该版本分批重新评分。确定吗？`))) return;
    await run('rollback', rollBack, (r) => `已回滚到 v${r.active.version}，开始重新评分 ${r.rescoring.total} 条线索`);
  };

  return (
    <View className="workbench-page scoring">
      <ModelCard model={active} title="当前模型" />
      {rescoring && <RescoringLine rescoring={rescoring} />}
      {previous && (
        <View className="scoring__actions">
          <Button
            className="scoring__button"
            disabled={busy !== null || isRescoring}
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
            disabled={busy !== null || isRescoring}
            onClick={() => void onActivate(candidate.version)}
          >
            {busy === 'activate' ? '启用中…' : `启用 v${candidate.version}`}
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
 * institution's outcomes side by side with it, activation and roll back, each confirmed first,
 * and how far the rescoring that follows a switch has come (polled while it runs).
 */
export default function ScoringPage() {
  return <StaffGate>{() => <ScoringView />}</StaffGate>;
}
