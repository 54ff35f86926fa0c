import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { BookingSheet } from '../../components/booking-sheet';
import { PageStatus } from '../../components/page-status';
import { SessionCard } from '../../components/session-card';
import { formatDay } from '../../format/date';
import { useBookingFlow } from '../../hooks/use-booking-flow';
import { usePageView } from '../../hooks/use-page-view';
import { useTrialSessions } from '../../hooks/use-trial-sessions';
import { TEXT } from './text';
import './index.css';

/** `undefined` until the prospect picks: the filter then follows what they registered for. */
type Pick = string | null | undefined;

/**
 * Trial classes (issue 5 item 1, issue 14): sessions by day, filtered by course and campus and
 * starting on the ones the prospect registered for; each session available, booked by you (取消)
 * or full. E2E texts: 预约, 确认预约, 预约成功, 已预约, 已满.
 */
export default function TrialPage() {
  usePageView();
  const { params } = useRouter();
  const [coursePick, setCoursePick] = useState<Pick>(params.courseId);
  const [campusPick, setCampusPick] = useState<Pick>(undefined);
  const list = useTrialSessions();
  const flow = useBookingFlow({ returnUrl: '/pages/trial/index', onChanged: list.reload });
  useDidShow(() => {
    if (list.status !== 'loading') list.reload();
  });

  if (list.status === 'error') return <PageStatus kind="error" message={list.userMessage} onRetry={list.reload} />;
  if (!list.data) return <PageStatus kind="loading" />;
  const { sessions: all, myBookingBySession, registered } = list.data;
  const courses = [...new Map(all.map((s) => [s.course.id, s.course.name])).entries()];
  const campuses = [...new Map(all.map((s) => [s.campus.id, s.campus.name])).entries()];
  const offered = (id: string | null, options: [string, string][]) =>
    id !== null && options.some(([o]) => o === id) ? id : null;
  const courseId = coursePick === undefined ? offered(registered.courseId, courses) : coursePick;
  const campusId = campusPick === undefined ? offered(registered.campusId, campuses) : campusPick;
  const sessions = all.filter(
    (s) => (!courseId || s.course.id === courseId) && (!campusId || s.campus.id === campusId),
  );
  const days = [...new Set(sessions.map((s) => formatDay(s.startsAt)))];
  const chips = (
    options: [string, string][],
    allLabel: string,
    selected: string | null,
    pick: (id: string | null) => void,
  ) => (
    <View className="chips trial__filters">
      {[[null, allLabel] as const, ...options].map(([id, name]) => (
        <Text key={id ?? 'all'} className={`chip ${id === selected ? 'chip--active' : ''}`} onClick={() => pick(id)}>
          {name}
        </Text>
      ))}
    </View>
  );

  return (
    <View className="trial">
      <Text className="muted">{TEXT.intro}</Text>
      {chips(courses, TEXT.allCourses, courseId, setCoursePick)}
      {chips(campuses, TEXT.allCampuses, campusId, setCampusPick)}
      {sessions.length === 0 && <PageStatus kind="empty" message={TEXT.empty} />}
      {days.map((day) => (
        <View key={day}>
          <Text className="trial__day">{day}</Text>
          {sessions
            .filter((s) => formatDay(s.startsAt) === day)
            .map((s) => (
              <SessionCard
                key={s.id}
                session={s}
                myBookingId={myBookingBySession[s.id]}
                canOpenCourse
                onBook={flow.ask}
                onCancel={flow.cancel}
              />
            ))}
        </View>
      ))}
      <BookingSheet sheet={flow.sheet} onConfirm={flow.confirm} onRemind={flow.remind} onClose={flow.close} />
    </View>
  );
}
