import { type GetContentResponse, getContentResponseSchema } from '@scrm/shared';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { api, toApiUrl } from '../../api';
import { APP_TEXT } from '../../app-text';
import { ContentCard } from '../../components/content-card';
import { PageStatus } from '../../components/page-status';
import { SubPage } from '../../components/sub-page';
import { VideoPoster } from '../../components/video-poster';
import { useApiData } from '../../hooks/use-api-data';
import { useDownload } from '../../hooks/use-download';
import { usePageView } from '../../hooks/use-page-view';
import { useReadingTime } from '../../hooks/use-reading-time';
import { TEXT } from './text';
import './index.css';

/**
 * Content detail (issue 5 item 1): an article, video or e-book. A gated e-book asks to register
 * first, then delivers. E2E texts: 登记后免费下载, 下载资料; the body starts with the summary.
 */
export default function ContentPage() {
  usePageView();
  const { params } = useRouter();
  const id = params.id;
  useReadingTime(id);
  const download = useDownload();
  const content = useApiData<GetContentResponse | null>(
    () => (id ? api.request(`/api/contents/${id}`, { schema: getContentResponseSchema }) : Promise.resolve(null)),
    id ?? '',
  );
  // Back from the registration page: the item may be unlocked now.
  useDidShow(() => {
    if (content.status !== 'loading') content.reload();
  });

  const home = { label: TEXT.home, onTap: () => Taro.switchTab({ url: '/pages/index/index' }) };
  // A missing or withdrawn item does not come back on a retry: offer the way home instead.
  if (!id || (content.status === 'error' && content.code === 'not_found'))
    return (
      <SubPage title={TEXT.title}>
        <PageStatus kind="empty" message={id ? TEXT.notFound : TEXT.missingId} exit={home} />
      </SubPage>
    );
  if (content.status === 'error')
    return (
      <SubPage title={TEXT.title}>
        <PageStatus kind="error" message={content.userMessage} onRetry={content.reload} exit={home} />
      </SubPage>
    );
  if (!content.data)
    return (
      <SubPage title={TEXT.title}>
        <PageStatus kind="loading" />
      </SubPage>
    );
  const item = content.data.content;
  const openCourse = (courseId: string) => Taro.navigateTo({ url: `/pages/course/index?id=${courseId}` });
  const nextCourseId = item.nextStep?.kind === 'trial' ? item.nextStep.course.id : '';
  const register = () =>
    Taro.navigateTo({
      url: `/pages/register/index?redirect=${encodeURIComponent(`/pages/content/index?id=${item.id}`)}`,
    });

  return (
    <SubPage title={APP_TEXT.contentKinds[item.kind]}>
      <View className="content">
        <Text className="content__title">{item.title}</Text>
        <View className="content-card__meta">
          <Text className="tag">{APP_TEXT.contentKinds[item.kind]}</Text>
          <Text className="tag">{item.topic}</Text>
        </View>
        {item.kind === 'video' ? (
          <VideoPoster poster={toApiUrl(item.coverUrl)} />
        ) : (
          <View className="content__cover">
            <Image className="content__cover-image" src={toApiUrl(item.coverUrl)} mode="aspectFill" />
          </View>
        )}
        {item.body.split(/\n{2,}/).map((paragraph) => (
          <Text key={paragraph} className="content__body">
            {paragraph}
          </Text>
        ))}
        {item.isLocked && (
          <View className="content__gate">
            <Text className="muted">{TEXT.lockedNote}</Text>
            <Button className="primary-button" onClick={register}>
              {TEXT.locked}
            </Button>
          </View>
        )}
        {!item.isLocked && item.downloadUrl && (
          <Button
            className="primary-button"
            onClick={() => download({ url: item.downloadUrl ?? '', fileType: item.downloadFileType })}
          >
            {TEXT.download}
          </Button>
        )}
        {item.course && (
          <Text className="content__course" onClick={() => openCourse(item.course?.id ?? '')}>
            {TEXT.aboutCourse(item.course.name)}
          </Text>
        )}
        {item.nextStep && (
          <View className="content__next">
            <Text className="content__next-title">{TEXT.next}</Text>
            {item.nextStep.kind === 'content' ? (
              <ContentCard item={item.nextStep.content} gatedLabel={TEXT.gated} />
            ) : (
              <Button className="primary-button" onClick={() => openCourse(nextCourseId)}>
                {TEXT.bookTrial}
              </Button>
            )}
          </View>
        )}
      </View>
    </SubPage>
  );
}
