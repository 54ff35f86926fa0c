import type { MyDownload } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { APP_TEXT } from '../../app-text';
import { PageStatus } from '../../components/page-status';
import { formatDate } from '../../format/date';
import { useDownload } from '../../hooks/use-download';
import { TEXT } from './text';

/** Me → 我的资料: what the prospect downloaded, to open again. */
export function DownloadsSection({ downloads }: { downloads: MyDownload[] }) {
  const download = useDownload();
  const openContent = (id: string) => Taro.navigateTo({ url: `/pages/content/index?id=${id}` });
  return (
    <>
      <Text className="me__section">{TEXT.downloads}</Text>
      {downloads.length === 0 && <PageStatus kind="empty" message={TEXT.noDownloads} />}
      {downloads.map(({ content, downloadedAt, downloadUrl, downloadFileType }) => (
        <View key={content.id} className="card">
          <Text className="content-card__title" onClick={() => openContent(content.id)}>
            {content.title}
          </Text>
          <View className="me__row">
            <Text className="muted">{`${APP_TEXT.contentKinds[content.kind]} · ${TEXT.downloadedOn(formatDate(downloadedAt))}`}</Text>
            {downloadUrl ? (
              <Text className="me__action" onClick={() => download({ url: downloadUrl, fileType: downloadFileType })}>
                {TEXT.downloadAgain}
              </Text>
            ) : (
              <Text className="muted">{TEXT.registerToDownload}</Text>
            )}
          </View>
        </View>
      ))}
    </>
  );
}
