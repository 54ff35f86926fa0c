import { useDidHide, useDidShow, useRouter, useUnload } from '@tarojs/taro';
import { useRef } from 'react';
import { getSubscribeMessageClick } from '../messages/campaign-click';
import { normalizePagePath, readAttribution, tracker } from '../tracking';

/**
 * Records this page's view with the time spent on it (a `page_view` touchpoint, SPEC §2.1), and
 * takes the link's attribution (`referrer`, `channel`, `campaignId`) for the visit's later events.
 * Every page calls it once. The view is closed on hide (another page, the app backgrounded) and on
 * unload, because `navigateBack` unloads a page without hiding it first. A page opened from a
 * WeChat subscribe message records the click once, on its first show, not on every return to it.
 */
export function usePageView(): void {
  const router = useRouter();
  const isClickRecorded = useRef(false);
  useDidShow(() => {
    tracker.updateAttribution(readAttribution(router.params));
    const click = isClickRecorded.current ? null : getSubscribeMessageClick(router.params);
    if (click) tracker.track('message_clicked', click);
    isClickRecorded.current = true;
    tracker.pageShown(normalizePagePath(router.path));
  });
  useDidHide(() => tracker.pageHidden());
  useUnload(() => tracker.pageHidden());
}
