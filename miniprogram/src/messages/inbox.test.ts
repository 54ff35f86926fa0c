import type { InAppMessage } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { applyRead, getMessageNavigation } from './inbox';

const message = (id: string, readAt: string | null): InAppMessage => ({
  id,
  title: '欢迎加入',
  body: '先从这篇入门资料开始',
  page: 'pages/content/index?id=c-1&campaignId=k&step=w1&channel=in_app_message',
  campaignId: '5b1c7c6e-8a52-4c1e-9f43-6d1f2a3b4c5d',
  stepId: 'w1',
  createdAt: '2026-12-03T06:00:00.000Z',
  readAt,
});
const A = '0b6f3a52-1d0e-4f5e-8a2b-1c2d3e4f5a6b';
const B = '1c7a4b63-2e1f-4a6f-9b3c-2d3e4f5a6b7c';

describe('applyRead', () => {
  it('replaces only the opened message and takes the server’s unread count', () => {
    const inbox = { messages: [message(A, null), message(B, null)], unreadCount: 2 };
    const read = message(A, '2026-12-03T07:00:00.000Z');
    const next = applyRead(inbox, { message: read, unreadCount: 1 });
    expect(next.messages).toEqual([read, message(B, null)]);
    expect(next.unreadCount).toBe(1);
    expect(inbox.messages[0]?.readAt).toBeNull();
  });
});

describe('getMessageNavigation', () => {
  it('opens a non-tab page with its whole query, so the page sees the campaign', () => {
    expect(getMessageNavigation(message(A, null), 'pages/me/index')).toEqual({
      kind: 'navigateTo',
      url: '/pages/content/index?id=c-1&campaignId=k&step=w1&channel=in_app_message',
    });
  });
  it('switches to a tab page without the query (switchTab takes none)', () => {
    const toTrial = { page: 'pages/trial/index?campaignId=k&step=w2&channel=in_app_message' };
    expect(getMessageNavigation(toTrial, 'pages/me/index')).toEqual({ kind: 'switchTab', url: '/pages/trial/index' });
  });
  it('stays on the page the prospect is on', () => {
    expect(getMessageNavigation({ page: '/pages/me/index?campaignId=k' }, '/pages/me/index')).toEqual({ kind: 'stay' });
  });
});
