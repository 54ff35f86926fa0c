import { ROUTING_REASON_LABELS, type StaffLeadDetail } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../format';
import '../../workbench.css';

const KIND_LABELS = { routed: '系统分配', claimed: '公海领取', reassigned: '主管改派' } as const;
const END_LABELS: Record<string, string> = {
  released: '放回公海',
  returned: '顾问退回',
  sla_missed: '超时未接，已收回',
  reassigned: '已改派他人',
};
// A claim or a reassignment says so in its kind tag; routing's reasons get their Chinese label.
const REASON_LABELS: Record<string, string> = ROUTING_REASON_LABELS;

/** 分配记录: who held the lead, how they got it, whether they accepted in time, how it ended. */
export function AssignmentHistory({ assignments }: { assignments: StaffLeadDetail['assignments'] }) {
  if (assignments.length === 0) return null;
  return (
    <View>
      <Text className="section-title">分配记录</Text>
      <View className="card lead-sections__list">
        {[...assignments].reverse().map((a) => (
          <View key={`${a.advisor.id}-${a.assignedAt}`} className="lead-sections__event">
            <View className="lead-sections__line">
              <Text className="lead-sections__label">{a.advisor.name}</Text>
              <Text className="tag">{KIND_LABELS[a.kind]}</Text>
              <Text className="muted">{formatDateTime(a.assignedAt)}</Text>
            </View>
            {/* Codes without a Chinese label stay off the screen rather than show in English. */}
            {REASON_LABELS[a.reason] && <Text className="muted">{REASON_LABELS[a.reason]}</Text>}
            {a.acceptedAt && <Text className="muted">{`${formatDateTime(a.acceptedAt)} 接受`}</Text>}
            {a.endedAt && (
              <Text className="muted">{`${formatDateTime(a.endedAt)} 结束${a.endReason && END_LABELS[a.endReason] ? `：${END_LABELS[a.endReason]}` : ''}`}</Text>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
