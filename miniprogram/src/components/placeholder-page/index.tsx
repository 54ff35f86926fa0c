import { Text, View } from '@tarojs/components';
import { usePageView } from '../../hooks/use-page-view';
import './index.css';

export interface PlaceholderPageProps {
  title: string;
  note: string;
}

/** A page that is reserved but not built yet: its title and a note, already counted as a view. */
export function PlaceholderPage({ title, note }: PlaceholderPageProps) {
  usePageView();
  return (
    <View className="placeholder-page">
      <Text className="placeholder-page__title">{title}</Text>
      <Text className="placeholder-page__note">{note}</Text>
    </View>
  );
}
