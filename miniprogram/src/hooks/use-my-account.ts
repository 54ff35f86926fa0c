import {
  type GetMeResponse,
  getMeResponseSchema,
  type ListMyBookingsResponse,
  listMyBookingsResponseSchema,
} from '@scrm/shared';
import { api } from '../api';
import { useApiData } from './use-api-data';

export type MyAccount = { lead: GetMeResponse['lead']; bookings: ListMyBookingsResponse['bookings'] };

/** The prospect's lead and bookings, and the actions of the Me page (cancel, export, delete). */
export function useMyAccount() {
  const account = useApiData<MyAccount>(async () => {
    const [me, mine] = await Promise.all([
      api.request('/api/me', { schema: getMeResponseSchema }),
      api.request('/api/me/bookings', { schema: listMyBookingsResponseSchema }),
    ]);
    return { lead: me.lead, bookings: mine.bookings };
  });
  return {
    account,
    cancel: async (bookingId: string) => {
      await api.request(`/api/bookings/${bookingId}`, { method: 'DELETE' });
      account.reload();
    },
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
