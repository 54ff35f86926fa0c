import {
  type InAppMessage,
  type ListMyMessagesResponse,
  listMyMessagesResponseSchema,
  readMyMessageResponseSchema,
} from '@scrm/shared';
import { useEffect, useRef, useState } from 'react';
import { type ApiClient, api } from '../api';
import { applyRead } from '../messages/inbox';
import { showUnreadDot } from '../messages/unread-dot';
import { useApiData } from './use-api-data';

/**
 * The prospect's in-app messages (`GET /api/me/messages`) and opening one (`POST …/:id/read`,
 * which records the `message_clicked` touchpoint on the server, once per message). The tab's dot
 * follows every count the server gives. The client and the dot are parameters for tests.
 */
export function useMyMessages(
  client: Pick<ApiClient, 'request'> = api,
  setDot: (unreadCount: number) => void = showUnreadDot,
) {
  const loaded = useApiData(() => client.request('/api/me/messages', { schema: listMyMessagesResponseSchema }));
  const [opened, setOpened] = useState<ListMyMessagesResponse | null>(null);
  const opening = useRef(new Set<string>());
  const dot = useRef(setDot);
  dot.current = setDot;
  // A reload starts from the server's answer again.
  useEffect(() => {
    if (loaded.status === 'ready') {
      setOpened(null);
      dot.current(loaded.data.unreadCount);
    }
  }, [loaded.status, loaded.data]);
  const inbox = opened ?? loaded.data ?? null;

  /**
   * Marks the message read; false while the same message is already being opened, so a double tap
   * opens its page once.
   */
  const markRead = async (message: InAppMessage): Promise<boolean> => {
    if (opening.current.has(message.id)) return false;
    if (message.readAt || !inbox) return true;
    opening.current.add(message.id);
    try {
      const reply = await client.request(`/api/me/messages/${message.id}/read`, {
        method: 'POST',
        schema: readMyMessageResponseSchema,
      });
      setOpened((current) => applyRead(current ?? inbox, reply));
      dot.current(reply.unreadCount);
      return true;
    } finally {
      opening.current.delete(message.id);
    }
  };
  return { loaded, inbox, markRead };
}
