import {
  JOURNEY_STAGE_LABELS,
  JOURNEY_STAGES,
  type JourneyStage,
  LIFECYCLE_STAGE_LABELS,
  LIFECYCLE_STAGES,
  type LifecycleStage,
} from '@scrm/shared';
import { Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatSource } from '../../format';
import type { LeadFilters } from '../../hooks/use-lead-list';
import { WORKBENCH_TEXT as T } from '../../text';
import './index.css';

const SOURCES = ['mini_program', 'import', 'share', 'fair', 'seminar', 'poster', 'advisor_card'] as const;

type FilterValue = Omit<LeadFilters, 'view'>;

export interface LeadFiltersProps {
  value: FilterValue;
  onChange: (value: FilterValue) => void;
}

/** A picker of "all" plus the options; `undefined` is "all". */
function OptionPicker<V extends string>(props: {
  label: string;
  allLabel: string;
  options: readonly V[];
  labelOf: (v: V) => string;
  value: V | undefined;
  onChange: (v: V | undefined) => void;
}) {
  const range = [props.allLabel, ...props.options.map(props.labelOf)];
  const index = props.value ? props.options.indexOf(props.value) + 1 : 0;
  return (
    <Picker
      mode="selector"
      range={range}
      value={index}
      onChange={(e) => {
        const picked = Number(e.detail.value);
        props.onChange(picked === 0 ? undefined : props.options[picked - 1]);
      }}
    >
      <Text className={`lead-filters__pick ${props.value ? 'lead-filters__pick--on' : ''}`}>
        {props.value ? props.labelOf(props.value) : props.label} ▾
      </Text>
    </Picker>
  );
}

/** Search (name or phone digits) and the stage, journey and source filters of the lead list. */
export function LeadFiltersBar({ value, onChange }: LeadFiltersProps) {
  const [text, setText] = useState(value.q ?? '');
  const submit = () => onChange({ ...value, q: text.trim() || undefined });
  return (
    <View className="lead-filters">
      <View className="lead-filters__search">
        <Input
          className="lead-filters__input"
          placeholder={T.searchPlaceholder}
          value={text}
          confirmType="search"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={submit}
        />
        <Text className="lead-filters__button" onClick={submit}>
          {T.search}
        </Text>
      </View>
      <View className="lead-filters__pickers">
        <OptionPicker<LifecycleStage>
          label={T.filterStage}
          allLabel={T.allStages}
          options={LIFECYCLE_STAGES}
          labelOf={(s) => LIFECYCLE_STAGE_LABELS[s]}
          value={value.stage}
          onChange={(stage) => onChange({ ...value, stage })}
        />
        <OptionPicker<JourneyStage>
          label={T.filterJourney}
          allLabel={T.allJourneys}
          options={JOURNEY_STAGES}
          labelOf={(s) => JOURNEY_STAGE_LABELS[s]}
          value={value.journey}
          onChange={(journey) => onChange({ ...value, journey })}
        />
        <OptionPicker<string>
          label={T.filterSource}
          allLabel={T.allSources}
          options={SOURCES}
          labelOf={formatSource}
          value={value.source}
          onChange={(source) => onChange({ ...value, source })}
        />
      </View>
    </View>
  );
}
