import type { CampaignDetailResponse, CampaignStep } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import { describeTiming, formatRate } from '../../campaign-draft';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';
import './index.css';

type Funnel = CampaignDetailResponse['steps'][number];
type Variant = CampaignDetailResponse['variants'][number];

const STAGES = ['planned', 'sentSubscribe', 'sentInApp', 'clicked'] as const;

/** One step's funnel: planned → sent (subscribe / in-app) → clicked, bars against the planned. */
export function StepFunnel({ funnel, step }: { funnel: Funnel; step: CampaignStep | undefined }) {
  const top = Math.max(funnel.planned, 1);
  return (
    <View className="card step-funnel">
      <Text className="step-funnel__label">{funnel.label}</Text>
      {step && <Text className="muted step-funnel__timing">{describeTiming(step.timing, T.anchors)}</Text>}
      {STAGES.map((stage) => (
        <View key={stage} className="step-funnel__row">
          <Text className="step-funnel__name">{T.funnel[stage]}</Text>
          <View className="step-funnel__track">
            <View className="step-funnel__bar" style={{ width: `${(funnel[stage] / top) * 100}%` }} />
          </View>
          <Text className="step-funnel__value">{funnel[stage]}</Text>
        </View>
      ))}
      <Text className="muted step-funnel__other">
        {T.funnelOther(funnel.skipped, funnel.failed, funnel.pending)}
        {funnel.unknown > 0 ? ` · ${T.unknownFunnel(funnel.unknown)}` : ''}
      </Text>
    </View>
  );
}

/** The A/B result: per step and variant, sent, clicked and the click rate. */
export function VariantTable({ variants, labels }: { variants: Variant[]; labels: Map<string, string> }) {
  if (variants.length === 0) return <Text className="muted">{T.noVariants}</Text>;
  return (
    <View className="card variant-table">
      <View className="variant-table__row variant-table__row--head">
        <Text className="variant-table__step">{T.abHead.variant}</Text>
        <Text className="variant-table__num">{T.abHead.sent}</Text>
        <Text className="variant-table__num">{T.abHead.clicked}</Text>
        <Text className="variant-table__num">{T.abHead.rate}</Text>
      </View>
      {variants.map((v) => (
        <View key={`${v.stepId}/${v.variant}`} className="variant-table__row">
          <Text className="variant-table__step">{`${labels.get(v.stepId) ?? v.stepId} · ${v.variant.toUpperCase()}`}</Text>
          <Text className="variant-table__num">{v.sent}</Text>
          <Text className="variant-table__num">{v.clicked}</Text>
          <Text className="variant-table__num">{formatRate(v.clicked, v.sent)}</Text>
        </View>
      ))}
    </View>
  );
}
