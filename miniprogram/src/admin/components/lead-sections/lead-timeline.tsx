import type { TimelineItem } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../format';

export interface LeadTimelineProps {
  items: TimelineItem[];
  hasOlder: boolean;
  isLoadingOlder: boolean;
  onLoadOlder: () => void;
}

/** 时间线: the lead's touchpoints, newest first, with older pages on demand. */
export function LeadTimeline({ items, hasOlder, isLoadingOlder, onLoadOlder }: LeadTimelineProps) {
  return (
    <View>
      <Text className="section-title">时间线</Text>
      <View className="card lead-sections__list lead-timeline">
        {items.length === 0 && <Text className="muted">暂无互动记录</Text>}
        {items.map((item) => (
          <View key={item.id} className="lead-sections__event">
            <Text className="lead-sections__label">{item.title}</Text>
            <Text className="muted">{formatDateTime(item.occurredAt)}</Text>
          </View>
        ))}
        {hasOlder && (
          <Text className="link lead-sections__more" onClick={onLoadOlder}>
            {isLoadingOlder ? '加载中…' : '查看更早的记录'}
          </Text>
        )}
      </View>
    </View>
  );
}
