import type { ContentSummary } from '@scrm/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { toApiUrl } from '../../api';
import { APP_TEXT } from '../../app-text';
import './index.css';

export interface ContentCardProps {
  item: ContentSummary;
  /** A badge for gated items, e.g. 资料. */
  gatedLabel?: string;
}

/** A content item in a list (home feed, course page, next step): cover, title, summary, tags. */
export function ContentCard({ item, gatedLabel }: ContentCardProps) {
  const open = () => Taro.navigateTo({ url: `/pages/content/index?id=${item.id}` });
  return (
    <View className="content-card content-card--with-cover" onClick={open}>
      <Image className="content-card__cover" src={toApiUrl(item.coverUrl)} mode="aspectFill" />
      <View className="content-card__text">
        <Text className="content-card__title">{item.title}</Text>
        <Text className="content-card__summary">{item.summary}</Text>
        <View className="content-card__meta">
          <Text className="tag">{APP_TEXT.contentKinds[item.kind]}</Text>
          <Text className="tag">{item.topic}</Text>
          {item.isGated && gatedLabel && <Text className="tag tag--accent">{gatedLabel}</Text>}
        </View>
      </View>
    </View>
  );
}
