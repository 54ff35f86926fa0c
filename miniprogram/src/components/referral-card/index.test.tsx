import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReferralCard } from '.';
import { REFERRAL_CARD_TEXT } from './text';

afterEach(cleanup);

describe('ReferralCard', () => {
  it('asks for the grant on a tap, and shows how many messages are allowed', () => {
    const asks: number[] = [];
    render(<ReferralCard remaining={2} canAsk onAsk={() => asks.push(1)} />);
    expect(screen.getByText(REFERRAL_CARD_TEXT.title)).toBeTruthy();
    expect(screen.getByText(REFERRAL_CARD_TEXT.granted(2))).toBeTruthy();
    fireEvent.click(screen.getByText(REFERRAL_CARD_TEXT.ask));
    expect(asks).toEqual([1]);
  });

  it('outside WeChat explains instead of offering a button that cannot work', () => {
    render(<ReferralCard remaining={0} canAsk={false} onAsk={() => undefined} />);
    expect(screen.queryByText(REFERRAL_CARD_TEXT.ask)).toBeNull();
    expect(screen.queryByText(REFERRAL_CARD_TEXT.granted(0))).toBeNull();
    expect(screen.getByText(REFERRAL_CARD_TEXT.inWechat)).toBeTruthy();
  });
});
