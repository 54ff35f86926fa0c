import { useDidHide, useDidShow, useLoad, useRouter, useUnload } from '@tarojs/taro';
import { normalizePagePath, readAttribution, readSubscribeMessageOpen, tracker } from '../tracking';

/**
 * Records this page's view with the time spent on it (a `page_view` touchpoint, SPEC §2.1), and
 * takes the link's attribution (`referrer`, `channel`, `campaignId`) for the visit's later events.
 * Every page calls it once. The view is closed on hide (another page, the app backgrounded) and on
 * unload, because `navigateBack` unloads a page without hiding it first. A page opened from a
 * subscribe message records the message's click once, on load (a later show is not a new click).
 */
export function usePageView(): void {
  const router = useRouter();
  useLoad(() => {
    const click = readSubscribeMessageOpen(router.params);
    if (click) tracker.track('message_clicked', click);
  });
  useDidShow(() => {
    tracker.updateAttribution(readAttribution(router.params));
    tracker.pageShown(normalizePagePath(router.path));
  });
  useDidHide(() => tracker.pageHidden());
  useUnload(() => tracker.pageHidden());
}
