import {
  type CampaignDestination,
  type CampaignDocument,
  type CampaignOptionsResponse,
  type CampaignStep,
  getFieldKind,
  getSubscribeTemplate,
  type StepAnchor,
  type SubscribeTemplateKey,
} from '@scrm/shared';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { describeTiming, setStepField } from '../../campaign-draft';
import {
  addVariant,
  removeStep,
  removeVariant,
  setStepLabel,
  setStepLink,
  setStepTemplate,
  setStepTiming,
  setVariantField,
  setVariantWeight,
  type TimingDraft,
  type TimingUnit,
  toTimingDraft,
} from '../../campaign-step-draft';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';
import { ChoiceChips, FieldError, FieldTextInput, NumberInput } from './inputs';

const UNITS: readonly TimingUnit[] = ['minute', 'hour', 'day'];
// From the labels, not shared's lists: those sit beside the campaign schemas, which the admin
// package leaves to the server (27 KiB).
const ANCHORS = Object.keys(T.anchors) as StepAnchor[];
const DESTINATIONS = Object.keys(T.links) as CampaignDestination[];

interface StepEditorProps {
  step: CampaignStep;
  document: CampaignDocument;
  onChange: (document: CampaignDocument) => void;
  templates: CampaignOptionsResponse['templates'];
  errors: Record<string, string>;
}

/** When the step goes out: an anchor, before or after it (before: only the trial class), and how long. */
function TimingEditor({ step, document, onChange, errors }: StepEditorProps) {
  const [unit, setUnit] = useState<TimingUnit | undefined>(undefined);
  const timing = toTimingDraft(step.timing, unit);
  const set = (change: Partial<TimingDraft>) => {
    const next = { ...timing, ...change };
    setUnit(next.unit);
    onChange(setStepTiming(document, step.id, next.anchor === 'trial_start' ? next : { ...next, direction: 'after' }));
  };
  return (
    <View className="campaign-editor__timing-editor">
      <Text className="field-label">{T.timing}</Text>
      <ChoiceChips choices={ANCHORS} labels={T.anchors} selected={timing.anchor} onPick={(anchor) => set({ anchor })} />
      <View className="campaign-editor__range">
        <ChoiceChips
          choices={['after', 'before'] as const}
          labels={T.directions}
          selected={timing.direction}
          isDisabled={(d) => d === 'before' && timing.anchor !== 'trial_start'}
          onPick={(direction) => set({ direction })}
        />
      </View>
      <View className="campaign-editor__range">
        <NumberInput
          className="campaign-editor__amount"
          value={timing.amount}
          onChange={(amount) => set({ amount: amount ?? 0 })}
        />
        <ChoiceChips choices={UNITS} labels={T.units} selected={timing.unit} onPick={(unit) => set({ unit })} />
      </View>
      <Text className="muted campaign-editor__timing">{describeTiming(step.timing, T.anchors)}</Text>
      <FieldError message={errors[`step.${step.id}.timing`]} />
    </View>
  );
}

/** The A/B variants: each one's share and the texts it writes differently (empty: the step's own). */
function VariantsEditor({ step, document, onChange, errors }: StepEditorProps) {
  const template = getSubscribeTemplate(step.message.template);
  const hasContent = step.content !== undefined;
  return (
    <View className="campaign-editor__variants">
      <View className="campaign-editor__row">
        <Text className="field-label">{T.variants}</Text>
        {(step.variants?.length ?? 0) < 5 && (
          <Text className="link campaign-editor__add-variant" onClick={() => onChange(addVariant(document, step.id))}>
            {T.addVariant}
          </Text>
        )}
      </View>
      {step.variants && <Text className="muted campaign-editor__hint">{T.variantHint}</Text>}
      {step.variants?.map((variant) => (
        <View key={variant.key} className="campaign-editor__variant">
          <View className="campaign-editor__row">
            <Text className="campaign-editor__variant-title">{T.variantTitle(variant.key)}</Text>
            <Text className="muted">{T.variantWeight}</Text>
            <NumberInput
              className="campaign-editor__weight"
              value={variant.weight}
              onChange={(weight) =>
                weight !== undefined && onChange(setVariantWeight(document, step.id, variant.key, Math.round(weight)))
              }
            />
            <Text
              className="link campaign-editor__remove"
              onClick={() => onChange(removeVariant(document, step.id, variant.key))}
            >
              {T.removeVariant}
            </Text>
          </View>
          {template.fields.map((field) => (
            <FieldTextInput
              key={field.key}
              label={field.label}
              fieldKey={field.key}
              kind={getFieldKind(field.key)}
              text={variant.fields?.[field.key] ?? ''}
              placeholder={step.message.fields[field.key] ?? ''}
              step={{ link: step.message.link, hasContent: hasContent || variant.content !== undefined }}
              isRequired={false}
              serverError={errors[`step.${step.id}.variant.${variant.key}.field.${field.key}`]}
              onChange={(text) => onChange(setVariantField(document, step.id, variant.key, field.key, text))}
            />
          ))}
        </View>
      ))}
      <FieldError message={errors[`step.${step.id}.variants`]} />
    </View>
  );
}

/**
 * One step (issue 13 §1): its name, when it goes out, the template with each field's text and
 * WeChat's rule shown as the manager types, the page it opens, its A/B variants; removable while
 * the campaign keeps another step.
 */
export function StepEditor(props: StepEditorProps) {
  const { step, document, onChange, errors } = props;
  const template = getSubscribeTemplate(step.message.template);
  const at = `step.${step.id}`;
  const templates = props.templates.length ? props.templates : [{ key: template.key, title: template.title }];
  return (
    <View className="card campaign-editor__step">
      <View className="campaign-editor__row">
        <Text className="campaign-editor__step-label">{step.label}</Text>
        {document.steps.length > 1 && (
          <Text className="link campaign-editor__remove" onClick={() => onChange(removeStep(document, step.id))}>
            {T.removeStep}
          </Text>
        )}
      </View>
      <Text className="field-label">{T.stepLabel}</Text>
      <Input
        className="field-input"
        value={step.label}
        onInput={(e) => onChange(setStepLabel(document, step.id, e.detail.value))}
      />
      <FieldError message={errors[`${at}.label`]} />
      <TimingEditor {...props} />
      <Text className="field-label">{T.template}</Text>
      <ChoiceChips
        choices={templates.map((t) => t.key as SubscribeTemplateKey)}
        labels={Object.fromEntries(templates.map((t) => [t.key, t.title]))}
        selected={step.message.template}
        onPick={(key) => key !== step.message.template && onChange(setStepTemplate(document, step.id, key))}
      />
      <FieldError message={errors[`${at}.template`]} />
      <Text className="muted campaign-editor__hint">{T.placeholders}</Text>
      {template.fields.map((field) => (
        <FieldTextInput
          key={field.key}
          label={field.label}
          fieldKey={field.key}
          kind={getFieldKind(field.key)}
          text={step.message.fields[field.key] ?? ''}
          step={{ link: step.message.link, hasContent: step.content !== undefined }}
          isRequired
          serverError={errors[`${at}.field.${field.key}`]}
          onChange={(text) => onChange(setStepField(document, step.id, field.key, text))}
        />
      ))}
      <Text className="field-label">{T.link}</Text>
      <ChoiceChips
        choices={DESTINATIONS}
        labels={T.links}
        selected={step.message.link}
        onPick={(link) => onChange(setStepLink(document, step.id, link))}
      />
      <FieldError message={errors[`${at}.link`] ?? errors[at]} />
      <VariantsEditor {...props} />
    </View>
  );
}
