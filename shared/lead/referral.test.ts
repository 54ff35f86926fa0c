import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReferralCounted } from './referral.js';

describe('isReferralCounted (issue 8 item 11)', () => {
  it('a registration with a typed number does not count; a verified number or a booking does', () => {
    expect(isReferralCounted({ isRegistered: true, isPhoneVerified: false, hasBookedTrial: false })).toEqual({
      isCounted: false,
      reason: 'not-yet-real',
    });
    expect(isReferralCounted({ isRegistered: true, isPhoneVerified: true, hasBookedTrial: false })).toEqual({
      isCounted: true,
      reason: 'verified-registration',
    });
    expect(isReferralCounted({ isRegistered: true, isPhoneVerified: false, hasBookedTrial: true }).isCounted).toBe(
      true,
    );
  });

  it('counts exactly when the referred lead booked, or registered with a number WeChat verified', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (isRegistered, isPhoneVerified, hasBookedTrial) => {
        const { isCounted } = isReferralCounted({ isRegistered, isPhoneVerified, hasBookedTrial });
        expect(isCounted).toBe(hasBookedTrial || (isRegistered && isPhoneVerified));
      }),
    );
  });
});
