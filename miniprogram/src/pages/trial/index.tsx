import { type ListTrialSessionsResponse, listTrialSessionsResponseSchema, type TrialSession } from '@scrm/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { PageStatus } from '../../components/page-status';
import { useApiData } from '../../hooks/use-api-data';
import { bookTrial } from '../../hooks/use-book-trial';
import { usePageView } from '../../hooks/use-page-view';
import { requestSubscriptions, SUBSCRIBE_TEMPLATES } from '../../subscribe';
import { TEXT } from './text';
import './index.css';

/** `11月24日 周二` in Shanghai time, for grouping sessions by day. */
function dayLabel(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${TEXT.weekdays[d.getUTCDay()]}`;
}
const timeLabel = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(11, 16);

/**
 * Trial classes (issue 5 item 1): sessions by day with seats left, filter by course, book, full
 * sessions shown as full. E2E texts: 预约 (a session's button), 预约成功 (toast), 已满.
 */
export default function TrialPage() {
  usePageView();
  const [courseId, setCourseId] = useState<string | undefined>(undefined);
  const list = useApiData<ListTrialSessionsResponse>(() =>
    api.request('/api/trial-sessions', { schema: listTrialSessionsResponseSchema, isAuthenticated: false }),
  );

  const book = async (session: TrialSession) => {
    await requestSubscriptions([SUBSCRIBE_TEMPLATES.trialReminder, SUBSCRIBE_TEMPLATES.bookingConfirmed], 'booking');
    const outcome = await bookTrial(api, session.id);
    if (outcome.kind === 'needs_registration') {
      await Taro.navigateTo({ url: `/pages/register/index?redirect=${encodeURIComponent('/pages/trial/index')}` });
    } else if (outcome.kind === 'refused') {
      await Taro.showToast({ title: outcome.userMessage, icon: 'none' });
    } else {
      await Taro.showToast({ title: TEXT.booked, icon: 'success' });
    }
    list.reload();
  };

  if (list.status === 'error') return <PageStatus kind="error" message={list.userMessage} onRetry={list.reload} />;
  if (!list.data) return <PageStatus kind="loading" />;
  const courses = [...new Map(list.data.sessions.map((s) => [s.course.id, s.course.name])).entries()];
  const sessions = list.data.sessions.filter((s) => !courseId || s.course.id === courseId);
  const days = [...new Set(sessions.map((s) => dayLabel(s.startsAt)))];

  return (
    <View className="trial">
      <Text className="muted">{TEXT.intro}</Text>
      <View className="chips trial__filters">
        {[[undefined, TEXT.allCourses] as const, ...courses].map(([id, name]) => (
          <Text
            key={id ?? 'all'}
            className={`chip ${id === courseId ? 'chip--active' : ''}`}
            onClick={() => setCourseId(id)}
          >
            {name}
          </Text>
        ))}
      </View>
      {sessions.length === 0 && <PageStatus kind="empty" message={TEXT.empty} />}
      {days.map((day) => (
        <View key={day}>
          <Text className="trial__day">{day}</Text>
          {sessions
            .filter((s) => dayLabel(s.startsAt) === day)
            .map((s) => (
              <View key={s.id} className="card trial__session">
                <View className="trial__info">
                  <Text className="content-card__title">{s.course.name}</Text>
                  <Text className="muted">{`${timeLabel(s.startsAt)}–${timeLabel(s.endsAt)} · ${s.campus.name}`}</Text>
                  <Text className="muted">{TEXT.seatsLeft(s.seatsLeft)}</Text>
                </View>
                <Button
                  className={`trial__book ${s.isFull ? 'trial__book--full' : ''}`}
                  size="mini"
                  disabled={s.isFull}
                  onClick={() => book(s)}
                >
                  {s.isFull ? TEXT.full : TEXT.book}
                </Button>
              </View>
            ))}
        </View>
      ))}
    </View>
  );
}
