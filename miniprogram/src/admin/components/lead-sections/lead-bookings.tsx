import type { StaffLeadDetail } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../format';

const STATUS_LABELS = { booked: '已预约', cancelled: '已取消', attended: '已到课', no_show: '未到课' } as const;

export interface LeadBookingsProps {
  bookings: StaffLeadDetail['bookings'];
  /** Offer 已到课 / 未到课 on booked trials (the viewer may mark attendance). */
  canMark: boolean;
  onMark: (bookingId: string, status: 'attended' | 'no_show') => void;
}

/** 试听预约, with attendance marking for trials that took place. */
export function LeadBookings({ bookings, canMark, onMark }: LeadBookingsProps) {
  return (
    <View>
      <Text className="section-title">试听预约</Text>
      <View className="card lead-sections__list">
        {bookings.length === 0 && <Text className="muted">暂无试听预约</Text>}
        {bookings.map((b) => (
          <View key={b.id} className="lead-sections__event lead-booking">
            <View className="lead-sections__line">
              <Text className="lead-sections__label">{b.courseName}</Text>
              <Text className="tag">{STATUS_LABELS[b.status]}</Text>
            </View>
            <Text className="muted">{`${b.campusName} · ${formatDateTime(b.startsAt)}`}</Text>
            {canMark && b.status === 'booked' && (
              <View className="lead-sections__buttons">
                <Text className="chip" onClick={() => onMark(b.id, 'attended')}>
                  已到课
                </Text>
                <Text className="chip" onClick={() => onMark(b.id, 'no_show')}>
                  未到课
                </Text>
              </View>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
