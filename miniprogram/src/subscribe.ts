import type { TouchpointEventOf } from '@scrm/shared';
import Taro from '@tarojs/taro';
import { MAX_TEMPLATES_PER_REQUEST, toSubscribeAnswers } from './subscribe-answers';
import { tracker } from './tracking';

/**
 * Subscribe-message templates the product sends (SPEC §2.5), as configured in the WeChat admin
 * console. The ids here are the development stand-in's; a real app id comes with its own.
 */
export const SUBSCRIBE_TEMPLATES = {
  trialReminder: 'tpl-trial-reminder',
  nurture: 'tpl-nurture-content',
  bookingConfirmed: 'tpl-booking-confirmed',
} as const;

/** Where the request was made, so grant rates can be compared by scene. */
export type SubscribeScene = NonNullable<TouchpointEventOf<'subscribe_accept'>['props']['scene']>;

/**
 * Asks for one-time subscriptions and reports each answer as a touchpoint, so the server can
 * count grants (SPEC §2.5). Must run inside a tap handler; WeChat allows at most 3 templates per
 * call. Outside WeChat (the H5 build) there is nothing to ask: it resolves at once.
 */
export async function requestSubscriptions(templateIds: string[], scene: SubscribeScene): Promise<void> {
  if (Taro.getEnv() !== Taro.ENV_TYPE.WEAPP) return;
  const asked = templateIds.slice(0, MAX_TEMPLATES_PER_REQUEST);
  try {
    const reply = await Taro.requestSubscribeMessage({ tmplIds: asked, entityIds: [] });
    for (const { type, templateId } of toSubscribeAnswers(asked, reply as unknown as Record<string, unknown>)) {
      tracker.track(type, { props: { templateId, scene } });
    }
  } catch {
    // The user closed the dialog or the template is not configured: nothing was granted.
  }
}
