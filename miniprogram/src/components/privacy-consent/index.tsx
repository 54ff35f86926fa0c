import { Button, Text, View } from '@tarojs/components';
import { useEffect, useSyncExternalStore } from 'react';
import { PRIVACY_AGREE_BUTTON_ID, type PrivacyConsent as PrivacyConsentStore } from '../../privacy/privacy-consent';
import { PRIVACY_CONSENT_TEXT as TEXT } from './text';
import './index.css';

export interface PrivacyConsentProps {
  /** The app's `privacyConsent` (privacy/index.ts); tests pass their own. */
  consent: PrivacyConsentStore;
}

/**
 * The privacy popup WeChat expects (小程序隐私协议开发指南): shown while a private API waits for
 * the user's answer. Agreeing must go through a button of `open-type="agreePrivacyAuthorization"`
 * (WeChat checks that it was tapped), so `agree` runs on that button's own event, not on a tap.
 */
export function PrivacyConsent({ consent }: PrivacyConsentProps) {
  const { isOpen } = useSyncExternalStore(consent.subscribe, consent.getState);
  useEffect(() => {
    if (isOpen) consent.reportExposure();
  }, [consent, isOpen]);
  if (!isOpen) return null;
  return (
    <View className="privacy-consent" role="dialog">
      <View className="privacy-consent__panel">
        <Text className="privacy-consent__title">{TEXT.title}</Text>
        <Text className="privacy-consent__body">
          {TEXT.body}
          {TEXT.guideBefore}
          <Text className="privacy-consent__link" onClick={consent.openGuide}>
            {TEXT.guideLink}
          </Text>
        </Text>
        <View className="privacy-consent__actions">
          <Button className="privacy-consent__button" onClick={consent.disagree}>
            {TEXT.disagree}
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="privacy-consent__button privacy-consent__button--agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={consent.agree}
          >
            {TEXT.agree}
          </Button>
        </View>
      </View>
    </View>
  );
}
