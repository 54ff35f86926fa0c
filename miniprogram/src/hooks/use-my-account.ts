import {
  type GetMeResponse,
  getMeResponseSchema,
  type ListMyBookingsResponse,
  type ListMyDownloadsResponse,
  type ListMySubscriptionsResponse,
  listMyBookingsResponseSchema,
  listMyDownloadsResponseSchema,
  listMySubscriptionsResponseSchema,
} from '@scrm/shared';
import Taro from '@tarojs/taro';
import { api } from '../api';
import { GENERAL_TEMPLATE_KEYS, requestSubscriptions, SUBSCRIBE_TEMPLATES, type SubscribeScene } from '../subscribe';
import { tracker } from '../tracking';
import { useApiData } from './use-api-data';

export type MyAccount = {
  lead: GetMeResponse['lead'];
  bookings: ListMyBookingsResponse['bookings'];
  downloads: ListMyDownloadsResponse['downloads'];
  subscriptions: ListMySubscriptionsResponse['subscriptions'];
};

/** The prospect's lead, bookings, downloads and message grants, and the actions of the Me page. */
export function useMyAccount() {
  const account = useApiData<MyAccount>(async () => {
    const [me, bookings, downloads, subscriptions] = await Promise.all([
      api.request('/api/me', { schema: getMeResponseSchema }),
      api.request('/api/me/bookings', { schema: listMyBookingsResponseSchema }),
      api.request('/api/me/downloads', { schema: listMyDownloadsResponseSchema }),
      api.request('/api/me/subscriptions', { schema: listMySubscriptionsResponseSchema }),
    ]);
    return { lead: me.lead, ...bookings, ...downloads, ...subscriptions };
  });
  const askAndReload = async (templateIds: string[], scene: SubscribeScene) => {
    const outcome = await requestSubscriptions(templateIds, scene);
    if (outcome.kind === 'failed') void Taro.showToast({ title: outcome.userMessage, icon: 'none' });
    await tracker.flush();
    account.reload();
  };
  return {
    account,
    cancel: async (bookingId: string) => {
      await api.request(`/api/bookings/${bookingId}`, { method: 'DELETE' });
      account.reload();
    },
    /** Asks for the general templates (call it first in a tap handler); the grants show once the answers are sent. */
    subscribe: () =>
      askAndReload(
        GENERAL_TEMPLATE_KEYS.map((key) => SUBSCRIBE_TEMPLATES[key]),
        'me',
      ),
    /** The 推荐好友 card's ask: the referral track's template alone (call it first in a tap handler). */
    subscribeToReferrals: () => askAndReload([SUBSCRIBE_TEMPLATES.referralInvite], 'referral'),
    exportData: () => api.request<unknown>('/api/me/export', { schema: { parse: (data: unknown) => data } }),
    /** A `getPhoneNumber` button's code → the WeChat-verified number on the lead (POST /api/auth/phone). */
    bindPhone: async (code: string) => {
      await api.request('/api/auth/phone', { method: 'POST', body: { code } });
      account.reload();
    },
    erase: async () => {
      await api.request('/api/me', { method: 'DELETE' });
      api.signOut();
      account.reload();
    },
  };
}
