import type { GetStaffMeResponse } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import '../../workbench.css';
import './index.css';

/** An advisor's day at a glance: leads worked, waiting for my accept, overdue, pool claims left. */
export function StaffCounters({ me }: { me: GetStaffMeResponse }) {
  const { counts, limits, staff } = me;
  const items = [
    ['跟进中', `${counts.open}/${staff.capacity}`, false],
    ['待接受', String(counts.held), false],
    ['超时', String(counts.overdue), counts.overdue > 0],
    ['今日领取', `${counts.claimedToday}/${limits.dailyClaimLimit}`, false],
  ] as const;
  return (
    <View className="card staff-counters">
      {items.map(([label, value, isAlert]) => (
        <View key={label} className="staff-counters__item">
          <Text className={`staff-counters__value ${isAlert ? 'staff-counters__value--alert' : ''}`}>{value}</Text>
          <Text className="muted">{label}</Text>
        </View>
      ))}
    </View>
  );
}
