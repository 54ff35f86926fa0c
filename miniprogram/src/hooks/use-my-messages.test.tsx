import type { InAppMessage, ListMyMessagesResponse, ReadMyMessageResponse } from '@scrm/shared';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../api';
import { useMyMessages } from './use-my-messages';

const A = '0b6f3a52-1d0e-4f5e-8a2b-1c2d3e4f5a6b';
const B = '1c7a4b63-2e1f-4a6f-9b3c-2d3e4f5a6b7c';
const message = (id: string, readAt: string | null): InAppMessage => ({
  id,
  title: '课程动态通知',
  body: '课程名称：免费试听课',
  page: 'pages/trial/index?campaignId=k&step=trial-invite&channel=in_app_message',
  campaignId: '5b1c7c6e-8a52-4c1e-9f43-6d1f2a3b4c5d',
  stepId: 'trial-invite',
  createdAt: '2026-12-03T06:00:00.000Z',
  readAt,
});
const READ_AT = '2026-12-03T07:00:00.000Z';

/** A stand-in for the API: the inbox, and each read answered when the test releases it. */
function fakeServer(inbox: ListMyMessagesResponse) {
  const reads: string[] = [];
  let release: () => void = () => undefined;
  const client = {
    request: async (path: string, options?: { method?: string; schema?: { parse(d: unknown): unknown } }) => {
      if (options?.method !== 'POST') return options?.schema?.parse(inbox);
      const id = path.split('/')[4] ?? '';
      reads.push(id);
      await new Promise<void>((done) => {
        release = done;
      });
      const reply: ReadMyMessageResponse = { message: message(id, READ_AT), unreadCount: inbox.unreadCount - 1 };
      return options.schema?.parse(reply);
    },
  } as unknown as Pick<ApiClient, 'request'>;
  return { client, reads, release: () => release() };
}

describe('useMyMessages', () => {
  it('loads the inbox, sets the dot, and opens a message once however often it is tapped', async () => {
    const server = fakeServer({ messages: [message(A, null), message(B, null)], unreadCount: 2 });
    const dots: number[] = [];
    const { result } = renderHook(() => useMyMessages(server.client, (n) => dots.push(n)));
    await waitFor(() => expect(result.current.inbox?.unreadCount).toBe(2));
    expect(dots).toEqual([2]);

    const unread = result.current.inbox?.messages[0] as InAppMessage;
    let first: Promise<boolean> = Promise.resolve(false);
    let second = false;
    await act(async () => {
      first = result.current.markRead(unread);
      second = await result.current.markRead(unread);
    });
    // The second tap, while the first is on its way, neither asks the server nor opens the page.
    expect(second).toBe(false);
    expect(server.reads).toEqual([A]);
    await act(async () => {
      server.release();
      expect(await first).toBe(true);
    });
    expect(result.current.inbox?.unreadCount).toBe(1);
    expect(result.current.inbox?.messages.map((m) => m.readAt)).toEqual([READ_AT, null]);
    expect(dots).toEqual([2, 1]);

    // A read message opens its page without another request.
    const read = result.current.inbox?.messages[0] as InAppMessage;
    await act(async () => {
      expect(await result.current.markRead(read)).toBe(true);
    });
    expect(server.reads).toEqual([A]);
  });
});
