import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createPrivacyConsent, PRIVACY_AGREE_BUTTON_ID, type PrivacyResolution } from '../../privacy/privacy-consent';
import { createRecordingLogger } from '../../testing/recording-logger';
import { PrivacyConsent } from '.';
import { PRIVACY_CONSENT_TEXT } from './text';

function setUp() {
  const guideOpenings: number[] = [];
  const logger = createRecordingLogger();
  const consent = createPrivacyConsent({ openGuide: () => guideOpenings.push(1), logger });
  const view = render(<PrivacyConsent consent={consent} />);
  /** What WeChat's held API call hears back. */
  const resolutions: PrivacyResolution[] = [];
  const ask = (referrer: string) => act(() => consent.request((r) => resolutions.push(r), { referrer }));
  return { consent, view, resolutions, ask, guideOpenings, logger };
}

/** What WeChat does when the agree button is tapped: fires its `agreeprivacyauthorization` event. */
function tapAgreeInWechat(button: Element) {
  act(() => {
    button.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { bubbles: true }));
  });
}

describe('PrivacyConsent', () => {
  it('shows nothing until WeChat holds a private API call', () => {
    const { view } = setUp();
    expect(view.container.innerHTML).toBe('');
  });

  it('lets the call go on once the user agrees through the agreePrivacyAuthorization button', () => {
    const { view, resolutions, ask } = setUp();
    ask('setClipboardData');
    expect(screen.getByRole('dialog').textContent).toContain(PRIVACY_CONSENT_TEXT.title);
    expect(resolutions).toEqual([{ event: 'exposureAuthorization' }]);

    const agree = view.container.querySelector(`#${PRIVACY_AGREE_BUTTON_ID}`);
    expect(agree?.getAttribute('open-type')).toBe('agreePrivacyAuthorization');
    if (!agree) throw new Error('no agree button');
    // A plain tap is not consent: WeChat accepts `agree` only after the button's own event.
    fireEvent.click(agree);
    expect(resolutions).toEqual([{ event: 'exposureAuthorization' }]);
    tapAgreeInWechat(agree);
    expect(resolutions).toEqual([
      { event: 'exposureAuthorization' },
      { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID },
    ]);
    expect(view.container.innerHTML).toBe('');
  });

  it('makes the call fail when the user refuses, and opens the guide on request', () => {
    const { resolutions, ask, guideOpenings } = setUp();
    ask('button.getPhoneNumber');
    fireEvent.click(screen.getByText(PRIVACY_CONSENT_TEXT.guideLink));
    expect(guideOpenings).toHaveLength(1);
    fireEvent.click(screen.getByText(PRIVACY_CONSENT_TEXT.disagree));
    expect(resolutions.at(-1)).toEqual({ event: 'disagree' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('answers every call that waited, with one decision', () => {
    const { view, resolutions, ask } = setUp();
    ask('setClipboardData');
    ask('button.getPhoneNumber');
    const agree = view.container.querySelector(`#${PRIVACY_AGREE_BUTTON_ID}`);
    if (!agree) throw new Error('no agree button');
    tapAgreeInWechat(agree);
    expect(resolutions.filter((r) => r.event === 'agree')).toHaveLength(2);
  });

  it('refuses, and says so, when no page renders the popup', () => {
    const logger = createRecordingLogger();
    const consent = createPrivacyConsent({ openGuide: () => {}, logger });
    const resolutions: PrivacyResolution[] = [];
    consent.request((r) => resolutions.push(r), { referrer: 'setClipboardData' });
    expect(resolutions).toEqual([{ event: 'disagree' }]);
    expect(logger.warnings[0]?.message).toContain('no popup');
  });
});
