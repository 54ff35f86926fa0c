import { Text, View } from '@tarojs/components';
import { SubPage } from '../../components/sub-page';
import { usePageView } from '../../hooks/use-page-view';
import { PRIVACY_POLICY_VERSION } from '../../privacy-policy';
import { TEXT } from './text';
import './index.css';

/** The privacy policy the registration's consent refers to (SPEC §4). */
export default function PrivacyPage() {
  usePageView();
  return (
    <SubPage title={TEXT.title}>
      <View className="privacy">
        <Text className="privacy__title">{TEXT.title}</Text>
        <Text className="muted">{`${TEXT.version} ${PRIVACY_POLICY_VERSION}`}</Text>
        {TEXT.sections.map(([heading, body]) => (
          <View key={heading} className="privacy__section">
            <Text className="privacy__heading">{heading}</Text>
            <Text className="privacy__body">{body}</Text>
          </View>
        ))}
      </View>
    </SubPage>
  );
}
