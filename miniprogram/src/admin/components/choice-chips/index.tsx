import { Text, View } from '@tarojs/components';

export interface ChoiceChipsProps<V extends string> {
  options: readonly V[];
  labels: Record<V, string>;
  value: V | undefined;
  onChange: (value: V) => void;
}

/** One choice out of a few, as chips (the app's `.chips` look); a form's radio group. */
export function ChoiceChips<V extends string>({ options, labels, value, onChange }: ChoiceChipsProps<V>) {
  return (
    <View className="chips">
      {options.map((option) => (
        <Text
          key={option}
          className={`chip ${option === value ? 'chip--active' : ''}`}
          onClick={() => onChange(option)}
        >
          {labels[option]}
        </Text>
      ))}
    </View>
  );
}
