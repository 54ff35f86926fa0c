import {
  type CampaignDocument,
  type CampaignStep,
  getFieldKind,
  getSubscribeTemplate,
  JOURNEY_STAGE_LABELS,
  JOURNEY_STAGES,
  LIFECYCLE_STAGE_LABELS,
  LIFECYCLE_STAGES,
  WECHAT_FIELD_MAX_LENGTH,
} from '@scrm/shared';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import {
  describeTiming,
  formatDelayHours,
  getStageRestriction,
  parseDelayHours,
  type StageRestrictionKind,
  setSendHours,
  setStageRestriction,
  setStepDelay,
  setStepField,
  toggleValue,
} from '../../campaign-draft';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';
import type { AudienceCount } from '../../hooks/use-audience-count';
import './index.css';

export interface CampaignEditorProps {
  document: CampaignDocument;
  onChange: (document: CampaignDocument) => void;
  count: AudienceCount;
}

function LiveCount({ count }: { count: AudienceCount }) {
  if (count.status === 'error') return <Text className="form-error">{count.userMessage}</Text>;
  if (count.status === 'counting')
    return (
      <Text className="campaign-editor__count muted">{count.last === null ? T.counting : T.liveCount(count.last)}</Text>
    );
  return <Text className="campaign-editor__count">{T.liveCount(count.audienceSize)}</Text>;
}

function StageChips(props: {
  kind: StageRestrictionKind;
  stages: readonly string[];
  labels: Record<string, string>;
  document: CampaignDocument;
  onChange: (document: CampaignDocument) => void;
}) {
  const chosen = getStageRestriction(props.document.audience, props.kind);
  const toggle = (stage: string) =>
    props.onChange({
      ...props.document,
      audience: setStageRestriction(props.document.audience, props.kind, toggleValue(chosen, stage)),
    });
  return (
    <View className="chips">
      {props.stages.map((stage) => (
        <Text
          key={stage}
          className={`chip ${chosen.includes(stage) ? 'chip--active' : ''}`}
          onClick={() => toggle(stage)}
        >
          {props.labels[stage]}
        </Text>
      ))}
    </View>
  );
}

/** One step: its delay in hours (kept as typed until it is a number) and each template field. */
function StepEditor(props: {
  step: CampaignStep;
  document: CampaignDocument;
  onChange: CampaignEditorProps['onChange'];
}) {
  const { step, document, onChange } = props;
  const [delay, setDelay] = useState(formatDelayHours(step.timing.offsetMinutes));
  const template = getSubscribeTemplate(step.message.template);
  const onDelay = (text: string) => {
    setDelay(text);
    const minutes = parseDelayHours(text);
    if (minutes !== null) onChange(setStepDelay(document, step.id, minutes));
  };
  return (
    <View className="card campaign-editor__step">
      <Text className="campaign-editor__step-label">{step.label}</Text>
      <Text className="muted campaign-editor__timing">{`${describeTiming(step.timing, T.anchors)} · ${template.title}`}</Text>
      <Text className="field-label">{T.stepDelay}</Text>
      <Input className="field-input" type="digit" value={delay} onInput={(e) => onDelay(e.detail.value)} />
      {parseDelayHours(delay) === null && <Text className="form-error">{T.stepDelayInvalid}</Text>}
      {template.fields.map((field) => {
        const kind = getFieldKind(field.key);
        const max = kind ? WECHAT_FIELD_MAX_LENGTH[kind] : null;
        return (
          <View key={field.key}>
            <Text className="field-label">{`${field.label}（${field.key}）${max ? ` · ${T.fieldLimit(max)}` : ''}`}</Text>
            <Input
              className="field-input"
              value={step.message.fields[field.key] ?? ''}
              onInput={(e) => onChange(setStepField(document, step.id, field.key, e.detail.value))}
            />
          </View>
        );
      })}
    </View>
  );
}

/**
 * The campaign editor (issue 13 §3): the audience's stage restrictions with the live count, the
 * daily send hours, and each step's delay and field texts. Placeholders such as `{leadName}` are
 * filled per lead; the preview shows the result.
 */
export function CampaignEditor({ document, onChange, count }: CampaignEditorProps) {
  const hours = document.sendRules.window.sendHours;
  return (
    <View className="campaign-editor">
      <Text className="section-title">{T.audience}</Text>
      <View className="card">
        <LiveCount count={count} />
        <Text className="field-label">{T.lifecycle}</Text>
        <StageChips
          kind="lifecycle_stage"
          stages={LIFECYCLE_STAGES}
          labels={LIFECYCLE_STAGE_LABELS}
          document={document}
          onChange={onChange}
        />
        <Text className="field-label">{T.journey}</Text>
        <StageChips
          kind="journey_stage"
          stages={JOURNEY_STAGES}
          labels={JOURNEY_STAGE_LABELS}
          document={document}
          onChange={onChange}
        />
      </View>
      <Text className="section-title">{T.sendHours}</Text>
      <View className="card campaign-editor__hours">
        <Text className="muted">{T.sendHoursFrom}</Text>
        <Input
          className="field-input campaign-editor__hour"
          value={hours.from}
          onInput={(e) => onChange(setSendHours(document, e.detail.value, hours.to))}
        />
        <Text className="muted">{T.sendHoursTo}</Text>
        <Input
          className="field-input campaign-editor__hour"
          value={hours.to}
          onInput={(e) => onChange(setSendHours(document, hours.from, e.detail.value))}
        />
      </View>
      <Text className="section-title">{T.editSteps}</Text>
      {document.steps.map((step) => (
        <StepEditor key={step.id} step={step} document={document} onChange={onChange} />
      ))}
    </View>
  );
}
