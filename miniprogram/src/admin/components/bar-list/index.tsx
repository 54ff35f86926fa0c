import { Text, View } from '@tarojs/components';
import './index.css';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What the bar shows beside it (a formatted amount, a share). */
  caption: string;
}

/** Horizontal bars scaled to the largest value: plain views, so they cost the subpackage nothing. */
export function BarList({ bars, tone = 'blue' }: { bars: readonly Bar[]; tone?: 'blue' | 'green' | 'orange' }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <View className="bar-list">
      {bars.map((bar) => (
        <View key={bar.key} className="bar-list__row">
          <Text className="bar-list__label">{bar.label}</Text>
          <View className="bar-list__track">
            <View
              className={`bar-list__bar bar-list__bar--${tone}`}
              style={{ width: `${Math.max(2, (bar.value / max) * 100)}%` }}
            />
          </View>
          <Text className="bar-list__caption">{bar.caption}</Text>
        </View>
      ))}
    </View>
  );
}
