import type { MySubscription } from '@scrm/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { GENERAL_TEMPLATE_KEYS, SUBSCRIBE_TEMPLATES } from '../../subscribe';
import { TEXT } from './text';

const isWeapp = Taro.getEnv() === Taro.ENV_TYPE.WEAPP;

/**
 * Me → 消息订阅: how many messages of each template the prospect has allowed (one per accepted
 * request, SPEC §2.5), and a button that asks again. WeChat shows its dialog only in the
 * mini-program and only from a tap, so the H5 build explains instead.
 */
export function SubscriptionsSection(props: { subscriptions: MySubscription[]; onSubscribe: () => void }) {
  const remaining = new Map(props.subscriptions.map((s) => [s.templateId, s.remaining]));
  return (
    <>
      <Text className="me__section">{TEXT.subscriptions}</Text>
      <View className="card">
        {GENERAL_TEMPLATE_KEYS.map((key) => {
          const templateId = SUBSCRIBE_TEMPLATES[key];
          const left = remaining.get(templateId) ?? 0;
          return (
            <View key={templateId} className="me__row">
              <Text>{TEXT.templates[key]}</Text>
              <Text className={left > 0 ? 'tag tag--accent' : 'tag'}>
                {left > 0 ? TEXT.remaining(left) : TEXT.notSubscribed}
              </Text>
            </View>
          );
        })}
        {isWeapp ? (
          <Button className="me__mini-button" size="mini" onClick={props.onSubscribe}>
            {TEXT.subscribe}
          </Button>
        ) : (
          <Text className="muted me__note">{TEXT.subscribeInWechat}</Text>
        )}
        <Text className="muted me__note">{TEXT.subscriptionsNote}</Text>
      </View>
    </>
  );
}
