/**
 * The app's privacy consent, wired to WeChat. app.ts calls `listenForPrivacyAuthorization` once;
 * pages that use a private API render `<PrivacyConsent consent={privacyConsent} />`.
 */
import Taro from '@tarojs/taro';
import { consoleLogger } from '../platform/logger';
import { createPrivacyConsent } from './privacy-consent';

export type { PrivacyConsent } from './privacy-consent';

const isWeapp = () => Taro.getEnv() === Taro.ENV_TYPE.WEAPP;

export const privacyConsent = createPrivacyConsent({
  openGuide: () => {
    // WeChat's page of the guide set in the admin console; our own policy page elsewhere.
    if (isWeapp()) Taro.openPrivacyContract({ fail: () => Taro.navigateTo({ url: '/pages/privacy/index' }) });
    else void Taro.navigateTo({ url: '/pages/privacy/index' });
  },
  logger: consoleLogger,
});

/**
 * Hands WeChat's privacy requests to the popup. Base libraries before 2.32.3 have no privacy
 * check and no such API: private APIs simply run there.
 */
export function listenForPrivacyAuthorization(): void {
  if (!isWeapp() || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve, eventInfo) => privacyConsent.request(resolve, eventInfo));
}
