import type { CampaignDocument } from '@scrm/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';
import { CampaignEditor } from '../../components/campaign-editor';
import { StaffGate } from '../../components/staff-gate';
import { useAudienceCount } from '../../hooks/use-audience-count';
import { useCampaign } from '../../hooks/use-campaigns';
import '../../workbench.css';
import './index.css';

function EditView({ id }: { id: string }) {
  const { detail, save } = useCampaign(id);
  const [draft, setDraft] = useState<CampaignDocument | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const document = draft ?? detail.data?.document ?? null;
  const count = useAudienceCount(document);

  if (detail.status === 'error' && !detail.data)
    return <PageStatus kind="error" message={detail.userMessage} onRetry={detail.reload} />;
  if (!document || !detail.data) return <PageStatus kind="loading" />;
  if (detail.data.campaign.status === 'archived') return <PageStatus kind="empty" message={T.archivedReadOnly} />;

  const onSave = async () => {
    setSaving(true);
    setRefusal(null);
    try {
      await save(document);
      void Taro.showToast({ title: T.saved, icon: 'success' });
      void Taro.navigateBack();
    } catch (error) {
      // The server says which field is wrong (e.g. a text over WeChat's limit); keep the draft.
      setRefusal(error instanceof ApiError ? error.userMessage : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="workbench-page campaign-edit">
      <Text className="campaign-edit__name">{`${document.name} · ${T.version(detail.data.campaign.version)}`}</Text>
      <CampaignEditor document={document} onChange={setDraft} count={count} />
      {refusal && <Text className="form-error">{refusal}</Text>}
      <Button
        className="primary-button campaign-edit__save"
        disabled={isSaving || !draft}
        onClick={() => void onSave()}
      >
        {isSaving ? '…' : T.save}
      </Button>
    </View>
  );
}

/** 编辑活动 (issue 13 §3): audience restrictions with a live count, send hours, each step's delay and texts. */
export default function CampaignEditPage() {
  const id = useRouter().params.id ?? '';
  if (!id) return <PageStatus kind="error" message="活动不存在或已删除" />;
  return <StaffGate>{() => <EditView id={id} />}</StaffGate>;
}
