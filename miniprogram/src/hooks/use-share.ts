import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { api } from '../api';
import { buildSharePath, normalizePagePath, tracker } from '../tracking';

/**
 * Makes this page shareable to a friend: the shared link carries the sharer's lead id as
 * `referrer` (issue 5 item 3, referral), and the share is recorded as a touchpoint. The page's
 * config must set `enableShareAppMessage: true`, or WeChat does not show the share menu item.
 */
export function useShare(title: string): void {
  const router = useRouter();
  useShareAppMessage(() => {
    const page = normalizePagePath(router.path);
    tracker.track('share', { props: { page, target: 'friend' } });
    return { title, path: buildSharePath(page, router.params, api.findSession()?.leadId ?? null) };
  });
}
