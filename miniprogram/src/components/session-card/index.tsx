import type { TrialSession } from '@scrm/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, formatTime } from '../../format/date';
import { SESSION_TEXT as TEXT } from './text';
import './index.css';

export interface SessionCardProps {
  session: TrialSession;
  /** The prospect's own active booking of this session, if any. */
  myBookingId?: string;
  onBook: (session: TrialSession) => void;
  onCancel: (bookingId: string) => void;
  /** `day`: the list is grouped by day already, the card shows the time only. */
  dateStyle?: 'day' | 'full';
  /** The course name opens its page (the trial list); off on the course page itself. */
  canOpenCourse?: boolean;
}

/**
 * One trial session in one of three states (issue 14): available (a blue 预约), booked by you
 * (已预约 with 取消), or full (已满, not a button). Used by the trial list and the course page.
 */
export function SessionCard({
  session: s,
  myBookingId,
  onBook,
  onCancel,
  dateStyle = 'day',
  canOpenCourse = false,
}: SessionCardProps) {
  const openCourse = () => canOpenCourse && Taro.navigateTo({ url: `/pages/course/index?id=${s.course.id}` });
  const when =
    dateStyle === 'day' ? `${formatTime(s.startsAt)}–${formatTime(s.endsAt)}` : formatDateTime(s.startsAt, s.endsAt);
  const state = myBookingId ? 'mine' : s.isFull ? 'full' : 'open';
  return (
    <View className={`card session-card session-card--${state}`}>
      <View className="session-card__info">
        <Text className="content-card__title" onClick={openCourse}>
          {canOpenCourse ? `${s.course.name} ›` : s.course.name}
        </Text>
        <Text className="muted">{`${when} · ${s.campus.name}`}</Text>
        {state === 'open' && <Text className="session-card__seats">{TEXT.seatsLeft(s.seatsLeft)}</Text>}
      </View>
      {state === 'open' && (
        <Button className="session-card__book" size="mini" onClick={() => onBook(s)}>
          {TEXT.book}
        </Button>
      )}
      {state === 'mine' && (
        <View className="session-card__mine">
          <Text className="session-card__badge">{TEXT.bookedByYou}</Text>
          <Text className="session-card__cancel" onClick={() => myBookingId && onCancel(myBookingId)}>
            {TEXT.cancel}
          </Text>
        </View>
      )}
      {state === 'full' && <Text className="session-card__full">{TEXT.full}</Text>}
    </View>
  );
}
