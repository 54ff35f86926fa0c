import { BANT_LABELS, type StaffLeadDetail } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import { formatDateTime, formatYuan } from '../../format';

/** BANT, the enrolments and the advisors' notes. */
export function LeadFacts({ detail }: { detail: StaffLeadDetail }) {
  const { bant } = detail.lead;
  const rows = [
    ['预算', BANT_LABELS.budgetBand[bant.budgetBand]],
    ['决策人', BANT_LABELS.decisionMaker[bant.decisionMaker]],
    ['需求', BANT_LABELS.need[bant.need]],
    ['报名时间', BANT_LABELS.timeline[bant.timeline]],
  ] as const;
  return (
    <View>
      <Text className="section-title">BANT</Text>
      <View className="card lead-sections__list">
        {rows.map(([label, value]) => (
          <View key={label} className="lead-sections__line">
            <Text className="muted lead-sections__key">{label}</Text>
            <Text className="lead-sections__label">{value}</Text>
          </View>
        ))}
      </View>
      {detail.enrolments.length > 0 && <Text className="section-title">报名</Text>}
      {detail.enrolments.length > 0 && (
        <View className="card lead-sections__list">
          {detail.enrolments.map((e) => (
            <View key={e.id} className="lead-sections__line">
              <Text className="lead-sections__label">{e.course.name}</Text>
              <Text className="lead-sections__plus">{formatYuan(e.amountFen)}</Text>
              <Text className="muted">{e.enrolledOn}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className="section-title">备注</Text>
      <View className="card lead-sections__list">
        {detail.notes.length === 0 && <Text className="muted">暂无备注</Text>}
        {detail.notes.map((n) => (
          <View key={n.id} className="lead-sections__event">
            <Text>{n.text}</Text>
            <Text className="muted">{`${n.by ?? ''} ${formatDateTime(n.at)}`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
