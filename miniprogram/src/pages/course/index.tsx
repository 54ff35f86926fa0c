import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { BookingSheet } from '../../components/booking-sheet';
import { ContentCard } from '../../components/content-card';
import { PageStatus } from '../../components/page-status';
import { SessionCard } from '../../components/session-card';
import { SubPage } from '../../components/sub-page';
import { formatPrice } from '../../format/date';
import { useBookingFlow } from '../../hooks/use-booking-flow';
import { useCourse } from '../../hooks/use-course';
import { usePageView } from '../../hooks/use-page-view';
import { TEXT } from './text';
import './index.css';

/**
 * A course (课程详情, issue 14), from the home cards, content pages and the booking sheet: what it
 * is, who it is for, the outline, price, campuses, the next trial sessions with one-tap booking,
 * and the content about it. E2E texts: 课程大纲, 近期试听课, 预约, 确认预约, 已预约.
 */
export default function CoursePage() {
  usePageView();
  const { params } = useRouter();
  const course = useCourse(params.id);
  const flow = useBookingFlow({ returnUrl: `/pages/course/index?id=${params.id ?? ''}`, onChanged: course.reload });
  useDidShow(() => {
    if (course.status !== 'loading') course.reload();
  });
  const home = { label: TEXT.home, onTap: () => Taro.switchTab({ url: '/pages/index/index' }) };

  if (
    !params.id ||
    (course.status === 'ready' && !course.data) ||
    (course.status === 'error' && course.code === 'not_found')
  )
    return (
      <SubPage title={TEXT.title}>
        <PageStatus kind="empty" message={TEXT.missing} exit={home} />
      </SubPage>
    );
  if (course.status === 'error')
    return (
      <SubPage title={TEXT.title}>
        <PageStatus kind="error" message={course.userMessage} onRetry={course.reload} exit={home} />
      </SubPage>
    );
  if (!course.data)
    return (
      <SubPage title={TEXT.title}>
        <PageStatus kind="loading" />
      </SubPage>
    );
  const { course: c, myBookingBySession } = course.data;
  const section = (title: string) => <Text className="course__section">{title}</Text>;

  return (
    <SubPage title={c.name}>
      <View className="course">
        <View className="course__hero">
          <Text className="course__topic">{c.topic}</Text>
          <Text className="course__name">{c.name}</Text>
          <Text className="course__summary">{c.summary}</Text>
          <View className="course__price-row">
            <Text className="course__price-label">{TEXT.price}</Text>
            <Text className="course__price">{formatPrice(c.priceFen)}</Text>
          </View>
        </View>
        {c.audience !== '' && section(TEXT.audience)}
        {c.audience !== '' && <Text className="card course__text">{c.audience}</Text>}
        {c.format !== '' && section(TEXT.format)}
        {c.format !== '' && <Text className="card course__text">{c.format}</Text>}
        {c.syllabus.length > 0 && section(TEXT.syllabus)}
        {c.syllabus.length > 0 && (
          <View className="card">
            {c.syllabus.map((line, i) => (
              <View key={line} className="course__outline">
                <Text className="course__step">{i + 1}</Text>
                <Text className="course__outline-text">{line}</Text>
              </View>
            ))}
          </View>
        )}
        {c.campuses.length > 0 && section(TEXT.campuses)}
        {c.campuses.map((k) => (
          <View key={k.id} className="card">
            <Text className="content-card__title">{k.name}</Text>
            <Text className="muted">{k.address}</Text>
          </View>
        ))}
        {section(TEXT.sessions)}
        {c.sessions.length === 0 && <PageStatus kind="empty" message={TEXT.noSessions} />}
        {c.sessions.map((s) => (
          <SessionCard
            key={s.id}
            session={s}
            dateStyle="full"
            myBookingId={myBookingBySession[s.id]}
            onBook={flow.ask}
            onCancel={flow.cancel}
          />
        ))}
        {c.sessions.length > 0 && (
          <Text className="course__more" onClick={() => Taro.switchTab({ url: '/pages/trial/index' })}>
            {TEXT.allSessions}
          </Text>
        )}
        {c.related.length > 0 && section(TEXT.related)}
        {c.related.map((item) => (
          <ContentCard key={item.id} item={item} />
        ))}
      </View>
      <BookingSheet sheet={flow.sheet} onConfirm={flow.confirm} onRemind={flow.remind} onClose={flow.close} />
    </SubPage>
  );
}
