import { useDidHide, useDidShow, useRouter, useUnload } from '@tarojs/taro';
import { normalizePagePath, readAttribution, tracker } from '../tracking';

/**
 * Records this page's view with the time spent on it (a `page_view` touchpoint, SPEC §2.1), and
 * takes the link's attribution (`referrer`, `channel`, `campaignId`) for the visit's later events.
 * Every page calls it once. The view is closed on hide (another page, the app backgrounded) and on
 * unload, because `navigateBack` unloads a page without hiding it first.
 */
export function usePageView(): void {
  const router = useRouter();
  useDidShow(() => {
    tracker.updateAttribution(readAttribution(router.params));
    tracker.pageShown(normalizePagePath(router.path));
  });
  useDidHide(() => tracker.pageHidden());
  useUnload(() => tracker.pageHidden());
}
