import type { CampaignDocument, CampaignOptionsResponse, SubscribeTemplateKey } from '@scrm/shared';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { setSendHours } from '../../campaign-draft';
import { addStep } from '../../campaign-step-draft';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';
import type { AudienceCount } from '../../hooks/use-audience-count';
import { AudienceEditor } from './audience-editor';
import { ChoiceChips, FieldError } from './inputs';
import { StepEditor } from './step-editor';
import './index.css';

export interface CampaignEditorProps {
  document: CampaignDocument;
  onChange: (document: CampaignDocument) => void;
  count: AudienceCount;
  /** The pickers' choices from the server; `undefined` while they load. */
  options: CampaignOptionsResponse | undefined;
  /** The server's refusals by editor field (`groupIssues`). */
  errors: Record<string, string>;
}

/** 添加步骤: pick the new step's template, and it is added last. */
function AddStep({ document, onChange, options }: CampaignEditorProps) {
  const [isPicking, setPicking] = useState(false);
  if (document.steps.length >= 20) return null;
  if (!isPicking)
    return (
      <Text className="link campaign-editor__add-step" onClick={() => setPicking(true)}>
        {T.addStep}
      </Text>
    );
  const templates = options?.templates ?? [];
  return (
    <View className="card campaign-editor__new-step">
      <Text className="field-label">{T.addStepHint}</Text>
      <ChoiceChips
        choices={templates.map((t) => t.key as SubscribeTemplateKey)}
        labels={Object.fromEntries(templates.map((t) => [t.key, t.title]))}
        selected={null}
        onPick={(template) => {
          setPicking(false);
          onChange(addStep(document, template));
        }}
      />
    </View>
  );
}

/**
 * The campaign editor (issue 13 §1, §3): the audience with its live count, the daily send hours,
 * and the steps (when, template and texts, page, A/B variants), added and removed. Placeholders
 * such as `{leadName}` are filled per lead; the preview shows the result.
 */
export function CampaignEditor(props: CampaignEditorProps) {
  const { document, onChange, count, options, errors } = props;
  const hours = document.sendRules.window.sendHours;
  return (
    <View className="campaign-editor">
      <Text className="section-title">{T.audience}</Text>
      <AudienceEditor
        audience={document.audience}
        onChange={(audience) => onChange({ ...document, audience })}
        count={count}
        options={options}
        errors={errors}
      />
      <Text className="section-title">{T.sendHours}</Text>
      <View className="card">
        <View className="campaign-editor__hours">
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
        <FieldError message={errors.sendHours} />
      </View>
      <Text className="section-title">{T.editSteps}</Text>
      {document.steps.map((step) => (
        <StepEditor
          key={step.id}
          step={step}
          document={document}
          onChange={onChange}
          templates={options?.templates ?? []}
          errors={errors}
        />
      ))}
      <AddStep {...props} />
    </View>
  );
}
