import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

/**
 * The form kit (issue 14): every form of the prospect's pages is built from these, so that each
 * input has a visible border, each error sits under the field it is about, and consent is a real
 * checkbox. Which message shows when is `useFieldErrors`' business (hooks/use-field-errors.ts).
 */

export interface FormFieldProps {
  label: string;
  /** Shown under the field, in red, and the field's border turns red. */
  error?: string;
  /** A stable name, so a submit with errors can scroll to the first one (`#field-<name>`). */
  name: string;
  children: ReactNode;
}

export function FormField({ label, error, name, children }: FormFieldProps) {
  return (
    <View id={`field-${name}`} className={`form-field ${error ? 'form-field--invalid' : ''}`}>
      <Text className="form-field__label">{label}</Text>
      {children}
      {error && (
        <View className="form-field__error" role="alert">
          {error}
        </View>
      )}
    </View>
  );
}

export interface FormInputProps {
  value: string;
  placeholder: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  kind?: 'text' | 'phone';
  maxlength?: number;
  isInvalid?: boolean;
}

export function FormInput({
  value,
  placeholder,
  onInput,
  onBlur,
  kind = 'text',
  maxlength,
  isInvalid,
}: FormInputProps) {
  return (
    <Input
      className={`form-input ${isInvalid ? 'form-input--invalid' : ''}`}
      type={kind === 'phone' ? 'number' : 'text'}
      maxlength={maxlength ?? (kind === 'phone' ? 11 : 30)}
      placeholder={placeholder}
      placeholderClass="form-input__placeholder"
      value={value}
      onInput={(e) => onInput(e.detail.value)}
      onBlur={onBlur}
    />
  );
}

export interface ChoiceChipsProps<K extends string> {
  options: Record<K, string>;
  selected: K | undefined;
  onPick: (value: K) => void;
}

export function ChoiceChips<K extends string>({ options, selected, onPick }: ChoiceChipsProps<K>) {
  return (
    <View className="chips" role="radiogroup">
      {(Object.keys(options) as K[]).map((value) => (
        <View
          key={value}
          role="radio"
          aria-checked={value === selected}
          className={`chip ${value === selected ? 'chip--active' : ''}`}
          onClick={() => onPick(value)}
        >
          {options[value]}
        </View>
      ))}
    </View>
  );
}

export interface CheckboxProps {
  isChecked: boolean;
  onChange: (isChecked: boolean) => void;
  isInvalid?: boolean;
  children: ReactNode;
}

/** A drawn box with a tick: a text glyph (☐) renders differently on every phone. */
export function Checkbox({ isChecked, onChange, isInvalid, children }: CheckboxProps) {
  return (
    <View className="checkbox">
      <View
        role="checkbox"
        aria-checked={isChecked}
        className={`checkbox__box ${isChecked ? 'checkbox__box--on' : ''} ${isInvalid ? 'checkbox__box--invalid' : ''}`}
        onClick={() => onChange(!isChecked)}
      >
        {isChecked && <View className="checkbox__tick" />}
      </View>
      <View className="checkbox__label">{children}</View>
    </View>
  );
}

export interface FormSummaryProps {
  /** e.g. 还有 2 项需要完善; nothing renders without it. */
  message?: string;
}

/** Next to the submit button: why the tap did not send, after a submit with errors. */
export function FormSummary({ message }: FormSummaryProps) {
  if (!message) return null;
  return (
    <View className="form-summary" role="alert">
      {message}
    </View>
  );
}
