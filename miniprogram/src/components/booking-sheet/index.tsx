import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime } from '../../format/date';
import type { BookingSheetState } from '../../hooks/use-booking-flow';
import { SESSION_TEXT as TEXT } from '../session-card/text';
import './index.css';

export interface BookingSheetProps {
  sheet: BookingSheetState | null;
  onConfirm: () => void;
  onRemind: () => void;
  onClose: () => void;
}

/** The sheet of `useBookingFlow`: what the prospect commits to, then the reminder offer. */
export function BookingSheet({ sheet, onConfirm, onRemind, onClose }: BookingSheetProps) {
  if (!sheet) return null;
  const s = sheet.session;
  const seeMine = () => {
    onClose();
    void Taro.switchTab({ url: '/pages/me/index' });
  };
  return (
    <View className="booking-sheet" role="dialog">
      <View className="booking-sheet__mask" onClick={onClose} />
      <View className="booking-sheet__panel">
        <Text className="booking-sheet__title">{sheet.step === 'confirm' ? TEXT.confirmTitle : TEXT.bookedTitle}</Text>
        <Text className="booking-sheet__course">{s.course.name}</Text>
        <View className="booking-sheet__row">
          <Text className="booking-sheet__key">{TEXT.time}</Text>
          <Text>{formatDateTime(s.startsAt, s.endsAt)}</Text>
        </View>
        <View className="booking-sheet__row">
          <Text className="booking-sheet__key">{TEXT.campus}</Text>
          <Text>{s.campus.name}</Text>
        </View>
        {s.campus.address !== '' && (
          <View className="booking-sheet__row">
            <Text className="booking-sheet__key">{TEXT.address}</Text>
            <Text>{s.campus.address}</Text>
          </View>
        )}
        {sheet.step === 'confirm' ? (
          <>
            <Text className="muted booking-sheet__note">{TEXT.free}</Text>
            <Button className="primary-button" loading={sheet.isSending} onClick={onConfirm}>
              {sheet.isSending ? TEXT.sending : TEXT.confirm}
            </Button>
            <Text className="booking-sheet__secondary" onClick={onClose}>
              {TEXT.later}
            </Text>
          </>
        ) : (
          <>
            <Text className="muted booking-sheet__note">{sheet.canRemind ? TEXT.remindAsk : TEXT.remindInWechat}</Text>
            {sheet.canRemind ? (
              <Button className="primary-button" onClick={onRemind}>
                {TEXT.remind}
              </Button>
            ) : (
              <Button className="primary-button" onClick={onClose}>
                {TEXT.done}
              </Button>
            )}
            <Text className="booking-sheet__secondary" onClick={seeMine}>
              {TEXT.seeMine}
            </Text>
          </>
        )}
      </View>
    </View>
  );
}
