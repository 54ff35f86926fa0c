import {
  type InAppMessage,
  type ListMyMessagesResponse,
  listMyMessagesResponseSchema,
  readMyMessageResponseSchema,
} from '@scrm/shared';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { applyRead } from '../messages/inbox';
import { showUnreadDot } from '../messages/unread-dot';
import { useApiData } from './use-api-data';

/**
 * The prospect's in-app messages (`GET /api/me/messages`) and opening one (`POST …/:id/read`,
 * which records the `message_clicked` touchpoint on the server, once per message). The tab's dot
 * follows every count the server gives.
 */
export function useMyMessages() {
  const loaded = useApiData(() => api.request('/api/me/messages', { schema: listMyMessagesResponseSchema }));
  const [opened, setOpened] = useState<ListMyMessagesResponse | null>(null);
  const opening = useRef(new Set<string>());
  // A reload starts from the server's answer again.
  useEffect(() => {
    if (loaded.status === 'ready') {
      setOpened(null);
      showUnreadDot(loaded.data.unreadCount);
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
      const reply = await api.request(`/api/me/messages/${message.id}/read`, {
        method: 'POST',
        schema: readMyMessageResponseSchema,
      });
      setOpened((current) => applyRead(current ?? inbox, reply));
      showUnreadDot(reply.unreadCount);
      return true;
    } finally {
      opening.current.delete(message.id);
    }
  };
  return { loaded, inbox, markRead };
}
