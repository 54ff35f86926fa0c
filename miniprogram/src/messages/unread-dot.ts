/**
 * The red dot on the Me tab (issue 13 §1): shown while the prospect has unread in-app messages,
 * checked when the app opens or comes back and whenever the Me page learns a new count.
 */
import { listMyMessagesResponseSchema } from '@scrm/shared';
import Taro from '@tarojs/taro';
import { api } from '../api';
import { ME_TAB_INDEX } from './inbox';

/** Sets the dot; WeChat refuses the call on a page without the tab bar, which changes nothing. */
export function showUnreadDot(unreadCount: number): void {
  const call = unreadCount > 0 ? Taro.showTabBarRedDot : Taro.hideTabBarRedDot;
  Promise.resolve()
    .then(() => call({ index: ME_TAB_INDEX }))
    .catch(() => undefined);
}

/** Asks the server for the unread count and sets the dot; a failure leaves the dot as it was. */
export async function refreshUnreadDot(): Promise<void> {
  try {
    const inbox = await api.request('/api/me/messages', { schema: listMyMessagesResponseSchema });
    showUnreadDot(inbox.unreadCount);
  } catch {
    // Offline or logged out: the next show tries again.
  }
}
