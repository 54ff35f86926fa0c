import Taro from '@tarojs/taro';
import { consoleLogger } from './platform/logger';
import { createSubscriptionRequester } from './subscribe-request';
import { tracker } from './tracking';

export type { SubscribeOutcome, SubscribeScene } from './subscribe-request';

/**
 * Subscribe-message templates the product sends (SPEC §2.5): their ids in the WeChat admin
 * console (订阅消息 → 我的模板), fixed at build time from the environment by
 * config/build-settings.ts. A development build asks for the local stand-in's ids; a release
 * build refuses to be made with them.
 */
export const SUBSCRIBE_TEMPLATES = SUBSCRIBE_TEMPLATE_IDS;

/**
 * What Me's 订阅消息提醒 asks for (WeChat takes at most three per request). `referralInvite` is
 * asked for apart, by the 推荐好友 card an enrolled family sees (issue 13).
 */
export const GENERAL_TEMPLATE_KEYS = ['trialReminder', 'nurture', 'bookingConfirmed'] as const;

/** The app's requester, wired to wx.requestSubscribeMessage and the tracker (see subscribe-request.ts). */
export const requestSubscriptions = createSubscriptionRequester({
  isSupported: () => Taro.getEnv() === Taro.ENV_TYPE.WEAPP,
  ask: (templateIds) =>
    Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] }) as unknown as Promise<
      Record<string, unknown>
    >,
  track: ({ type, templateId }, scene) => {
    tracker.track(type, { props: { templateId, scene } });
  },
  logger: consoleLogger,
});
