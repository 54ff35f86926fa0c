import type { Logger } from '../platform/logger';

/** The answers `wx.onNeedPrivacyAuthorization`'s resolve takes (WeChat doc, base library 2.32.3+). */
export type PrivacyResolution =
  | { event: 'exposureAuthorization' }
  | { event: 'agree'; buttonId: string }
  | { event: 'disagree' };
export type PrivacyResolve = (resolution: PrivacyResolution) => void;

/**
 * The id of the agree button. WeChat checks that the button with this id, of
 * `open-type="agreePrivacyAuthorization"`, was tapped before it accepts `agree`; base library
 * 2.32.3 needs the id to fire the button's event at all.
 */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

export interface PrivacyConsentState {
  isOpen: boolean;
  /** The API or component that asked (e.g. `setClipboardData`, `button.getPhoneNumber`). */
  referrer: string | null;
}

export interface PrivacyConsent {
  /** The `wx.onNeedPrivacyAuthorization` listener: a private API waits until the user answers. */
  request(resolve: PrivacyResolve, eventInfo?: { referrer?: string }): void;
  /** The popup is on screen (tells WeChat, which counts the exposure). */
  reportExposure(): void;
  /** Call from the agree button's `agreeprivacyauthorization` event, never from a plain tap. */
  agree(): void;
  disagree(): void;
  /** Opens the privacy guide set in the admin console (`wx.openPrivacyContract`). */
  openGuide(): void;
  getState(): PrivacyConsentState;
  /** For useSyncExternalStore; the popup component is the subscriber. */
  subscribe(listener: () => void): () => void;
}

/**
 * The in-app privacy consent WeChat expects (小程序隐私协议开发指南): when the user first reaches
 * an API the privacy guide declares (docs/privacy-declarations.md), WeChat holds the call and asks
 * the app; the popup (components/privacy-consent) shows what is collected, and the user's answer
 * lets the call go on or fail with `privacy permission is not authorized`. Pure, so that it is
 * tested without WeChat; `privacy/index.ts` connects it to `wx`.
 */
export function createPrivacyConsent(deps: { openGuide: () => void; logger: Logger }): PrivacyConsent {
  let pending: PrivacyResolve[] = [];
  let state: PrivacyConsentState = { isOpen: false, referrer: null };
  const listeners = new Set<() => void>();

  function settle(resolution: PrivacyResolution) {
    const waiting = pending;
    pending = [];
    state = { isOpen: false, referrer: null };
    for (const resolve of waiting) resolve(resolution);
    for (const listener of listeners) listener();
  }

  return {
    request(resolve, eventInfo) {
      if (listeners.size === 0) {
        // No page shows the popup: refuse rather than leave the API waiting forever. The privacy
        // scan (scripts/privacy-declarations.test.ts) makes every page that uses one render it.
        deps.logger.warn('privacy consent requested where no popup is rendered', { referrer: eventInfo?.referrer });
        resolve({ event: 'disagree' });
        return;
      }
      pending.push(resolve);
      state = { isOpen: true, referrer: eventInfo?.referrer ?? null };
      for (const listener of listeners) listener();
    },
    reportExposure() {
      for (const resolve of pending) resolve({ event: 'exposureAuthorization' });
    },
    agree: () => settle({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID }),
    disagree: () => settle({ event: 'disagree' }),
    openGuide: () => deps.openGuide(),
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
