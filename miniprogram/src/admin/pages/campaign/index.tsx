import type { CampaignAction } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ApiError } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { getCampaignActions } from '../../campaign-draft';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';
import { CampaignCounts } from '../../components/campaign-card';
import { StepFunnel, VariantTable } from '../../components/campaign-funnel';
import { CampaignPreview } from '../../components/campaign-preview';
import { StaffGate } from '../../components/staff-gate';
import { formatDateTime } from '../../format';
import { type CampaignDetail, useCampaign } from '../../hooks/use-campaigns';
import '../../workbench.css';
import './index.css';

function CampaignView({ id }: { id: string }) {
  const { detail, changeStatus } = useCampaign(id);
  const [shown, setShown] = useState<CampaignDetail | null>(null);
  const [isPreviewOpen, setPreviewOpen] = useState(false);
  const [pending, setPending] = useState<CampaignAction | null>(null);
  // The content mounts after the staff login, so its first show event may already have passed:
  // reload on a show that follows a hide, not on the second show.
  const wasHidden = useRef(false);
  useDidHide(() => {
    wasHidden.current = true;
  });
  const reload = () => {
    setShown(null);
    detail.reload();
  };
  // Back from the editor: a new version was saved.
  useDidShow(() => {
    if (wasHidden.current) reload();
    wasHidden.current = false;
  });
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });

  const onAction = async (action: CampaignAction) => {
    const label = T.actions[action];
    const answer = await Taro.showModal({ title: T.confirmTitle(label), content: T.confirm[action] });
    if (!answer.confirm) return;
    setPending(action);
    try {
      setShown(await changeStatus(action));
      void Taro.showToast({ title: T.done, icon: 'success' });
    } catch (error) {
      void Taro.showToast({ title: error instanceof ApiError ? error.userMessage : '操作失败', icon: 'none' });
    } finally {
      setPending(null);
    }
  };

  const data = shown ?? detail.data;
  if (detail.status === 'error' && !data)
    return <PageStatus kind="error" message={detail.userMessage} onRetry={detail.reload} />;
  if (!data) return <PageStatus kind="loading" />;
  const { campaign, document, steps, variants, unknownSends } = data;
  const labels = new Map(document.steps.map((s) => [s.id, s.label]));
  const isArchived = campaign.status === 'archived';
  return (
    <View className="workbench-page campaign">
      <View className="card">
        <View className="campaign__head">
          <Text className="campaign__name">{campaign.name}</Text>
          <Text className={campaign.status === 'active' ? 'tag tag--accent' : 'tag'}>
            {T.statuses[campaign.status]}
          </Text>
        </View>
        <Text className="muted campaign__meta">
          {`${T.version(campaign.version)}${campaign.activatedAt ? ` · 启用于 ${formatDateTime(campaign.activatedAt)}` : ''}`}
        </Text>
        {document.description && <Text className="muted campaign__note">{document.description}</Text>}
        <CampaignCounts counts={campaign.counts} />
        <View className="campaign__actions">
          {getCampaignActions(campaign.status).map((action) => (
            <Text
              key={action}
              className={`campaign__action ${action === 'archive' ? '' : 'campaign__action--main'} ${pending ? 'campaign__action--busy' : ''}`}
              onClick={() => pending === null && void onAction(action)}
            >
              {pending === action ? '…' : T.actions[action]}
            </Text>
          ))}
        </View>
      </View>
      <View className="campaign__links">
        {!isArchived && (
          <Text className="link" onClick={() => Taro.navigateTo({ url: `/admin/pages/campaign-edit/index?id=${id}` })}>
            {T.edit}
          </Text>
        )}
        {isArchived && <Text className="muted">{T.archivedReadOnly}</Text>}
        <Text className="link" onClick={() => setPreviewOpen(!isPreviewOpen)}>
          {T.preview}
        </Text>
      </View>
      {isPreviewOpen && <CampaignPreview campaignId={id} />}
      <Text className="section-title">{T.steps}</Text>
      {steps.map((funnel) => (
        <StepFunnel key={funnel.stepId} funnel={funnel} step={document.steps.find((s) => s.id === funnel.stepId)} />
      ))}
      <Text className="section-title">{T.ab}</Text>
      <VariantTable variants={variants} labels={labels} />
      {unknownSends.length > 0 && (
        <>
          <Text className="section-title">{T.unknownSends}</Text>
          <View className="card">
            {unknownSends.map((u) => (
              <Text key={u.outboxId} className="muted campaign__unknown">
                {`${labels.get(u.stepId) ?? u.stepId} · ${formatDateTime(u.since)}${u.reason ? ` · ${u.reason}` : ''}`}
              </Text>
            ))}
          </View>
        </>
      )}
    </View>
  );
}

/**
 * 活动详情 (issue 13 §3): counts, activate / pause / resume / archive (each confirmed), the
 * preview, each step's funnel, the A/B result per variant and the sends whose outcome is unknown.
 */
export default function CampaignPage() {
  const id = useRouter().params.id ?? '';
  if (!id) return <PageStatus kind="error" message="活动不存在或已删除" />;
  return <StaffGate>{() => <CampaignView id={id} />}</StaffGate>;
}
