import {
  type ListContentsResponse,
  type ListCoursesResponse,
  listContentsResponseSchema,
  listCoursesResponseSchema,
} from '@scrm/shared';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { ContentCard } from '../../components/content-card';
import { PageStatus } from '../../components/page-status';
import { formatPrice } from '../../format/date';
import { useApiData } from '../../hooks/use-api-data';
import { usePageView } from '../../hooks/use-page-view';
import { useShare } from '../../hooks/use-share';
import { TEXT } from './text';
import './index.css';

/**
 * Home (issue 5 item 1): courses and the content feed, filterable by topic, leading with what fits
 * the visitor's journey stage (the server orders the feed by it). E2E texts: content titles.
 */
export default function HomePage() {
  usePageView();
  useShare(TEXT.shareTitle);
  const [topic, setTopic] = useState<string | undefined>(undefined);
  const courses = useApiData<ListCoursesResponse>(() =>
    api.request('/api/courses', { schema: listCoursesResponseSchema, isAuthenticated: false }),
  );
  const feed = useApiData<ListContentsResponse>(
    () => api.request('/api/contents', { query: { topic, limit: 30 }, schema: listContentsResponseSchema }),
    topic ?? '',
  );
  const openCourse = (id: string) => Taro.navigateTo({ url: `/pages/course/index?id=${id}` });
  // One retry for everything that failed: the course cards come back with the feed.
  const retry = () => {
    if (courses.status === 'error') courses.reload();
    if (feed.status === 'error') feed.reload();
  };

  return (
    <View className="home">
      <View className="home__header">
        <Text className="home__title">{TEXT.title}</Text>
        <Text className="home__subtitle">{TEXT.subtitle}</Text>
      </View>
      {courses.status === 'error' && feed.status !== 'error' && (
        <PageStatus kind="error" message={courses.userMessage} onRetry={retry} />
      )}
      {courses.data && (
        <ScrollView scrollX className="home__courses">
          {courses.data.courses.map((c) => (
            <View key={c.id} className="course-card" onClick={() => openCourse(c.id)}>
              <Text className="course-card__name">{c.name}</Text>
              <Text className="course-card__summary">{c.summary}</Text>
              <Text className="course-card__price">{formatPrice(c.priceFen)}</Text>
              <Text className="course-card__more">{TEXT.courseMore}</Text>
            </View>
          ))}
        </ScrollView>
      )}
      <View className="home__section">
        <Text className="home__section-title">
          {feed.data?.recommendedStage && feed.data.recommendedStage !== 'unaware' ? TEXT.recommended : TEXT.feed}
        </Text>
        <View className="chips">
          {[undefined, ...(feed.data?.topics ?? [])].map((t) => (
            <Text key={t ?? 'all'} className={`chip ${t === topic ? 'chip--active' : ''}`} onClick={() => setTopic(t)}>
              {t ?? TEXT.allTopics}
            </Text>
          ))}
        </View>
        {feed.status === 'loading' && !feed.data && <PageStatus kind="loading" />}
        {feed.status === 'error' && <PageStatus kind="error" message={feed.userMessage} onRetry={retry} />}
        {feed.data?.contents.length === 0 && <PageStatus kind="empty" message={TEXT.empty} />}
        {feed.data?.contents.map((item) => (
          <ContentCard key={item.id} item={item} gatedLabel={TEXT.gated} />
        ))}
      </View>
    </View>
  );
}
