import type { StaffLeadDetail } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import { describeJourneyReason, formatDateTime } from '../../format';

/** 阶段历程: lifecycle moves with their ordinals (MQL-02) and causes, and the journey's moves. */
export function StageHistory({ detail }: { detail: StaffLeadDetail }) {
  const lifecycle = [...detail.lifecycleHistory].reverse();
  const journey = [...detail.journeyHistory].reverse();
  return (
    <View>
      <Text className="section-title">阶段历程</Text>
      <View className="card lead-sections__list">
        {lifecycle.map((h) => (
          <View key={`${h.code}-${h.at}`} className="lead-sections__event">
            <View className="lead-sections__line">
              <Text className="tag tag--stage">{h.code}</Text>
              <Text className="lead-sections__label">{h.stageLabel}</Text>
              <Text className="muted">{formatDateTime(h.at)}</Text>
            </View>
            <Text className="muted">{h.causeLabel}</Text>
          </View>
        ))}
        {journey.length > 0 && <Text className="field-label">购买阶段</Text>}
        {journey.map((h) => (
          <View key={`${h.to}-${h.at}`} className="lead-sections__event">
            <View className="lead-sections__line">
              <Text className="lead-sections__label">{h.stageLabel}</Text>
              <Text className="muted">{formatDateTime(h.at)}</Text>
            </View>
            {describeJourneyReason(h.reason) && <Text className="muted">{describeJourneyReason(h.reason)}</Text>}
          </View>
        ))}
      </View>
    </View>
  );
}
