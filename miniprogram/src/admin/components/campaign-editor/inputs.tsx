import { checkFieldText, type WechatFieldKind } from '@scrm/shared';
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { toggleValue } from '../../campaign-draft';
import { parseAmount } from '../../campaign-step-draft';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';

/** A refusal of the server next to its field (`null`: nothing to say). */
export function FieldError({ message }: { message: string | null | undefined }) {
  return message ? <Text className="form-error campaign-editor__error">{message}</Text> : null;
}

/** One choice among a few, as chips (a phone's width fits them wrapped). */
export function ChoiceChips<V extends string>(props: {
  choices: readonly V[];
  labels: Record<string, string>;
  selected: V | null;
  onPick: (value: V) => void;
  isDisabled?: (value: V) => boolean;
}) {
  return (
    <View className="chips">
      {props.choices.map((value) => {
        const isDisabled = props.isDisabled?.(value) ?? false;
        return (
          <Text
            key={value}
            className={`chip ${props.selected === value ? 'chip--active' : ''} ${isDisabled ? 'chip--disabled' : ''}`}
            onClick={() => !isDisabled && props.onPick(value)}
          >
            {props.labels[value] ?? value}
          </Text>
        );
      })}
    </View>
  );
}

/**
 * Several of a list, as chips toggled on and off; a chosen value no longer offered (a tag no lead
 * carries any more) stays shown so it can be taken off.
 */
export function MultiChips(props: {
  options: readonly { value: string; label: string; leads?: number }[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const offered = new Set(props.options.map((o) => o.value));
  const all = [...props.options, ...props.selected.filter((v) => !offered.has(v)).map((v) => ({ value: v, label: v }))];
  if (all.length === 0) return <Text className="muted campaign-editor__none">{T.noOptions}</Text>;
  return (
    <View className="chips">
      {all.map((o) => (
        <Text
          key={o.value}
          className={`chip ${props.selected.includes(o.value) ? 'chip--active' : ''}`}
          onClick={() => props.onChange(toggleValue(props.selected, o.value))}
        >
          {'leads' in o && o.leads !== undefined ? `${o.label} ${o.leads}` : o.label}
        </Text>
      ))}
    </View>
  );
}

/**
 * A number as typed: the text stays as written until it is a number (`0.` on the way to `0.5`);
 * empty means no value. Says so when the text is not a number.
 */
export function NumberInput(props: {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  placeholder?: string;
  className?: string;
}) {
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  // A change from elsewhere (a template switched, a variant removed) shows; the manager's own typing stays.
  useEffect(() => {
    setText((current) => (parseAmount(current) === (props.value ?? null) ? current : (props.value?.toString() ?? '')));
  }, [props.value]);
  const isInvalid = text.trim() !== '' && parseAmount(text) === null;
  return (
    <View className={`campaign-editor__number ${props.className ?? ''}`}>
      <Input
        className="field-input"
        type="digit"
        value={text}
        placeholder={props.placeholder ?? ''}
        onInput={(e) => {
          const next = e.detail.value;
          setText(next);
          if (next.trim() === '') props.onChange(undefined);
          else {
            const amount = parseAmount(next);
            if (amount !== null) props.onChange(amount);
          }
        }}
      />
      {isInvalid && <Text className="form-error campaign-editor__error">{T.numberInvalid}</Text>}
    </View>
  );
}

/**
 * A template field's text with WeChat's rule for its kind as the manager types (`thing` ≤ 20,
 * `name` ≤ 10 in Chinese, `phrase` ≤ 5 Chinese characters…), from the same check the server
 * refuses a document with, and the server's own refusal when there is one.
 */
export function FieldTextInput(props: {
  label: string;
  fieldKey: string;
  kind: WechatFieldKind | null;
  text: string;
  placeholder?: string;
  step: { link: Parameters<typeof checkFieldText>[2]['link']; hasContent: boolean };
  serverError?: string;
  /** A step's own text must be written; a variant's may be left empty (it sends the step's). */
  isRequired: boolean;
  onChange: (text: string) => void;
}) {
  const missing = props.isRequired && props.text === '' ? '请填写' : null;
  const check = props.kind && props.text ? checkFieldText(props.kind, props.text, props.step) : null;
  const isOver = check !== null && !check.hasPlaceholders && check.length > check.max;
  return (
    <View className="campaign-editor__field">
      <View className="campaign-editor__field-head">
        <Text className="field-label">{`${props.label} · ${props.fieldKey}`}</Text>
        {check && (
          <Text className={`campaign-editor__count-chars ${isOver ? 'campaign-editor__count-chars--over' : ''}`}>
            {T.fieldCount(check.length, check.max, check.hasPlaceholders)}
          </Text>
        )}
      </View>
      <Input
        className="field-input"
        value={props.text}
        placeholder={props.placeholder ?? ''}
        onInput={(e) => props.onChange(e.detail.value)}
      />
      <FieldError message={missing ?? check?.problem ?? props.serverError} />
    </View>
  );
}
