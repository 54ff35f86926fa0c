/** The credentials and template ids the local WeChat stand-in accepts (development and tests). */
export const STAND_IN_CREDENTIALS = { appId: 'wx-standin-appid', secret: 'standin-secret' } as const;
/** Template ids of the product's subscribe messages (reminders and nurture), as configured in dev. */
export const STAND_IN_TEMPLATE_IDS = [
  'tpl-trial-reminder',
  'tpl-nurture-content',
  'tpl-booking-confirmed',
  // Tells an advisor a lead was handed to them (issue 9 §2).
  'tpl-new-lead',
] as const;
