import type { StepPreview } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';
import { sendCampaignTest, useCampaignPreview } from '../../hooks/use-campaigns';
import './index.css';

/** One step as it would be sent: its channel, variant, each WeChat field as sent and what was shortened. */
export function StepPreviewCard({ step, children }: { step: StepPreview; children?: ReactNode }) {
  return (
    <View className="card campaign-preview__step">
      <View className="campaign-preview__head">
        <Text className="campaign-preview__label">{step.label}</Text>
        <Text className="tag">{T.previewChannel[step.channel]}</Text>
      </View>
      <Text className="muted campaign-preview__template">
        {step.variant ? `${step.templateTitle} · ${T.variantTitle(step.variant)}` : step.templateTitle}
      </Text>
      {step.refusal && <Text className="form-error">{T.previewRefused(step.refusal)}</Text>}
      {step.fields.map((f) => (
        <View key={f.key} className="campaign-preview__field">
          <Text className="campaign-preview__key">{f.label}</Text>
          <View className="campaign-preview__value">
            <Text>{f.value}</Text>
            {T.adjustments[f.adjustment] && (
              <Text className="muted campaign-preview__adjusted">{T.adjustments[f.adjustment]}</Text>
            )}
          </View>
        </View>
      ))}
      {step.page && <Text className="muted campaign-preview__page">{T.previewPage(step.page)}</Text>}
      {children}
    </View>
  );
}

/**
 * Every step exactly as it would be sent to the manager now (`GET …/preview?leadId=` with the
 * manager's own lead): the channel, each WeChat field as sent and what was shortened to fit; and
 * 发送测试 per step, which sends that step to the manager's own WeChat and says what WeChat did.
 */
export function CampaignPreview({ campaignId }: { campaignId: string }) {
  const preview = useCampaignPreview(campaignId);
  const [sending, setSending] = useState<string | null>(null);
  const onTestSend = async (stepId: string) => {
    setSending(stepId);
    try {
      const { delivery } = await sendCampaignTest(campaignId, stepId);
      const title = T.testSendResult(delivery.status, delivery.errcode);
      void Taro.showToast({ title, icon: delivery.status === 'sent' ? 'success' : 'none' });
    } catch (error) {
      void Taro.showToast({ title: error instanceof ApiError ? error.userMessage : '发送失败', icon: 'none' });
    } finally {
      setSending(null);
    }
  };
  if (preview.status === 'error')
    return <PageStatus kind="error" message={preview.userMessage} onRetry={preview.reload} />;
  if (!preview.data) return <PageStatus kind="loading" />;
  return (
    <View className="campaign-preview">
      <Text className="muted">{T.previewNote}</Text>
      {preview.data.steps.map((step) => (
        <StepPreviewCard key={step.stepId} step={step}>
          <Text
            className="link campaign-preview__test-send"
            onClick={() => sending === null && void onTestSend(step.stepId)}
          >
            {sending === step.stepId ? '…' : T.testSend}
          </Text>
        </StepPreviewCard>
      ))}
      <Text className="muted campaign-preview__note">{T.testSendNote}</Text>
    </View>
  );
}
