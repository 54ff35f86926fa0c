/**
 * When a referral counts (SPEC §2.1 "referral sign-up", issue 8 item 11): the lead who shared
 * the link gets its `referral_signup` touchpoint only once the referred lead is real, so that
 * throwaway sign-ups naming someone as referrer change nothing about that someone.
 */

/** What is known of the referred lead. */
export interface ReferredLeadFacts {
  /** Registered with consent and a contact number. */
  isRegistered: boolean;
  /** WeChat verified the number (the `getPhoneNumber` button): a real, reachable person. */
  isPhoneVerified: boolean;
  /** Booked a trial class: a seat taken, an advisor will meet them. */
  hasBookedTrial: boolean;
}

export type ReferralCredit =
  | { isCounted: true; reason: 'verified-registration' | 'trial-booked' }
  | { isCounted: false; reason: 'not-yet-real' };

/**
 * Whether the referral counts now. A typed phone number proves nothing (anyone can register any
 * number from any number of WeChat accounts); a number WeChat verified, or a booked trial, does.
 *
 * @example isReferralCounted({ isRegistered: true, isPhoneVerified: false, hasBookedTrial: false }).isCounted // false
 */
export function isReferralCounted(facts: ReferredLeadFacts): ReferralCredit {
  if (facts.hasBookedTrial) return { isCounted: true, reason: 'trial-booked' };
  if (facts.isRegistered && facts.isPhoneVerified) return { isCounted: true, reason: 'verified-registration' };
  return { isCounted: false, reason: 'not-yet-real' };
}
