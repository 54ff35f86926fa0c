/** The credentials and template ids the local WeChat stand-in accepts (development and tests). */
import type { SubscribeTemplateKey } from '@scrm/shared';

export const STAND_IN_CREDENTIALS = { appId: 'wx-standin-appid', secret: 'standin-secret' } as const;

/**
 * The installation's template id of each subscribe-template key, as configured in development
 * (a real installation has WeChat's ids, from its environment).
 */
export const STAND_IN_TEMPLATE_IDS_BY_KEY: Readonly<Record<SubscribeTemplateKey, string>> = {
  trial_reminder: 'tpl-trial-reminder',
  booking_confirmed: 'tpl-booking-confirmed',
  new_content: 'tpl-nurture-content',
  course_update: 'tpl-course-update',
  referral_invite: 'tpl-referral-invite',
  // Tells an advisor a lead was handed to them (issue 9 §2).
  new_lead_for_advisor: 'tpl-new-lead',
};

/** Template ids of the product's subscribe messages, as the stand-in knows them. */
export const STAND_IN_TEMPLATE_IDS: readonly string[] = Object.values(STAND_IN_TEMPLATE_IDS_BY_KEY);
