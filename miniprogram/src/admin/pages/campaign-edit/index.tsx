import type { CampaignDocument, CampaignPreviewResponse } from '@scrm/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { groupIssues } from '../../campaign-draft';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';
import { CampaignEditor } from '../../components/campaign-editor';
import { StepPreviewCard } from '../../components/campaign-preview';
import { StaffGate } from '../../components/staff-gate';
import { useAudienceCount } from '../../hooks/use-audience-count';
import { previewCampaignDraft, useCampaign, useCampaignOptions } from '../../hooks/use-campaigns';
import '../../workbench.css';
import './index.css';

type Refusal = { message: string; byField: Record<string, string> } | null;

const refusalOf = (error: unknown, document: CampaignDocument, fallback: string): Refusal =>
  error instanceof ApiError
    ? { message: error.userMessage, byField: groupIssues(document, error.issues) }
    : { message: fallback, byField: {} };

/** The edited document rendered for the manager's own lead, every A/B variant in turn. */
function DraftPreview({ preview }: { preview: CampaignPreviewResponse }) {
  return (
    <View className="campaign-preview">
      <Text className="muted">{T.draftPreviewNote}</Text>
      {preview.steps.map((step) => (
        <StepPreviewCard key={`${step.stepId}:${step.variant ?? ''}`} step={step} />
      ))}
    </View>
  );
}

function EditView({ id }: { id: string }) {
  const { detail, save } = useCampaign(id);
  const options = useCampaignOptions();
  const [draft, setDraft] = useState<CampaignDocument | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [preview, setPreview] = useState<CampaignPreviewResponse | null>(null);
  const document = draft ?? detail.data?.document ?? null;
  const count = useAudienceCount(document);

  if (detail.status === 'error' && !detail.data)
    return <PageStatus kind="error" message={detail.userMessage} onRetry={detail.reload} />;
  if (!document || !detail.data) return <PageStatus kind="loading" />;
  if (detail.data.campaign.status === 'archived') return <PageStatus kind="empty" message={T.archivedReadOnly} />;

  const onEdit = (next: CampaignDocument) => {
    setDraft(next);
    // A preview of an older draft would show what will not be sent.
    setPreview(null);
  };
  const onSave = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await save(document);
      void Taro.showToast({ title: T.saved, icon: 'success' });
      void Taro.navigateBack();
    } catch (error) {
      // The server says which field is wrong (e.g. a text over WeChat's limit); keep the draft.
      setRefusal(refusalOf(error, document, '保存失败'));
    } finally {
      setBusy(false);
    }
  };
  const onPreview = async () => {
    if (preview) return setPreview(null);
    setBusy(true);
    setRefusal(null);
    try {
      setPreview(await previewCampaignDraft(id, document));
    } catch (error) {
      setRefusal(refusalOf(error, document, '预览失败'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="workbench-page campaign-edit">
      <Text className="campaign-edit__name">{`${document.name} · ${T.version(detail.data.campaign.version)}`}</Text>
      <CampaignEditor
        document={document}
        onChange={onEdit}
        count={count}
        options={options.data}
        errors={refusal?.byField ?? {}}
      />
      <Text className="link campaign-edit__preview" onClick={() => !isBusy && void onPreview()}>
        {preview ? T.hidePreview : T.draftPreview}
      </Text>
      {preview && <DraftPreview preview={preview} />}
      {refusal && <Text className="form-error">{refusal.message}</Text>}
      <Button className="primary-button campaign-edit__save" disabled={isBusy || !draft} onClick={() => void onSave()}>
        {isBusy ? '…' : T.save}
      </Button>
    </View>
  );
}

/** 编辑活动 (issue 13 §3): the audience with a live count, send hours, and the steps with their variants. */
export default function CampaignEditPage() {
  const id = useRouter().params.id ?? '';
  if (!id) return <PageStatus kind="error" message="活动不存在或已删除" />;
  return <StaffGate>{() => <EditView id={id} />}</StaffGate>;
}
