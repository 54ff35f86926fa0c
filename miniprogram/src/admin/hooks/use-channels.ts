import {
  type ChannelView,
  type CreateChannelRequest,
  channelDetailResponseSchema,
  channelResponseSchema,
  listChannelsResponseSchema,
} from '@scrm/shared';
import { api } from '../../api';
import { useApiData } from '../../hooks/use-api-data';

/** The channels the staff member may see (`GET /api/staff/channels`) and creating one. */
export function useChannels() {
  const list = useApiData(() =>
    api.request('/api/staff/channels', { as: 'staff', schema: listChannelsResponseSchema }),
  );
  const create = async (request: CreateChannelRequest): Promise<ChannelView> => {
    const { channel } = await api.request('/api/staff/channels', {
      as: 'staff',
      method: 'POST',
      body: request,
      schema: channelResponseSchema,
    });
    list.reload();
    return channel;
  };
  return { list, create };
}

/** One channel with its counts, and archiving it. */
export function useChannel(id: string) {
  const detail = useApiData(
    () => api.request(`/api/staff/channels/${id}`, { as: 'staff', schema: channelDetailResponseSchema }),
    id,
  );
  const archive = async () => {
    await api.request(`/api/staff/channels/${id}/archive`, {
      as: 'staff',
      method: 'POST',
      schema: channelResponseSchema,
    });
    detail.reload();
  };
  return { detail, archive };
}
