/**
 * Pure rules of the prospect's in-app messages (站内消息, issue 13 §1): how opening one changes the
 * list, and how the app gets to the page a message links to.
 */
import type { InAppMessage, ListMyMessagesResponse, ReadMyMessageResponse } from '@scrm/shared';

/** Pages of the tab bar (app.config.ts): `navigateTo` refuses them, only `switchTab` opens them. */
export const TAB_PAGES: readonly string[] = ['pages/index/index', 'pages/trial/index', 'pages/me/index'];
/** The Me tab's index in the tab bar, where the unread dot goes. */
export const ME_TAB_INDEX = 2;

/** The list after the server answered an open: that message read, the count as the server says. */
export function applyRead(inbox: ListMyMessagesResponse, reply: ReadMyMessageResponse): ListMyMessagesResponse {
  return {
    messages: inbox.messages.map((m) => (m.id === reply.message.id ? reply.message : m)),
    unreadCount: reply.unreadCount,
  };
}

export type MessageNavigation = { kind: 'switchTab' | 'navigateTo'; url: string } | { kind: 'stay' };

/**
 * How to open a message's page (`pages/content/index?id=…&campaignId=…`). A tab page cannot take
 * a query through `switchTab`; that is fine, because the click was already recorded when the
 * message was marked read. A link to Me itself stays where the prospect is.
 */
export function getMessageNavigation(message: Pick<InAppMessage, 'page'>, currentPage: string): MessageNavigation {
  const page = message.page.replace(/^\//, '');
  const [path = ''] = page.split('?');
  if (path === currentPage.replace(/^\//, '')) return { kind: 'stay' };
  if (TAB_PAGES.includes(path)) return { kind: 'switchTab', url: `/${path}` };
  return { kind: 'navigateTo', url: `/${page}` };
}
