import {
  leadTimelineResponseSchema,
  type StaffLeadDetail,
  staffLeadDetailSchema,
  type TimelineItem,
} from '@scrm/shared';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, api } from '../../api';
import { API_MESSAGES } from '../../api/messages';
import { useApiData } from '../../hooks/use-api-data';

/**
 * One lead as staff see it (`GET /api/staff/leads/:id`), and the older pages of its timeline
 * (`GET /api/staff/leads/:id/timeline`), appended below the first page the lead page carries.
 */
export function useLeadDetail(leadId: string) {
  const detail = useApiData<StaffLeadDetail>(
    () => api.request(`/api/staff/leads/${leadId}`, { as: 'staff', schema: staffLeadDetailSchema }),
    leadId,
  );
  const [older, setOlder] = useState<{ items: TimelineItem[]; cursor: string | null; forPage: unknown }>({
    items: [],
    cursor: null,
    forPage: null,
  });
  const [isLoadingOlder, setLoadingOlder] = useState(false);

  const firstPage = detail.data?.timeline;
  // Older pages belong to the first page they followed; a reload starts the timeline again.
  const isCurrent = older.forPage === firstPage;
  const timeline = [...(firstPage?.items ?? []), ...(isCurrent ? older.items : [])];
  const nextCursor = isCurrent && older.items.length > 0 ? older.cursor : (firstPage?.nextCursor ?? null);

  const loadOlder = async () => {
    if (!nextCursor || isLoadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await api.request(`/api/staff/leads/${leadId}/timeline`, {
        as: 'staff',
        query: { cursor: nextCursor },
        schema: leadTimelineResponseSchema,
      });
      setOlder((o) => ({
        items: [...(o.forPage === firstPage ? o.items : []), ...page.items],
        cursor: page.nextCursor,
        forPage: firstPage,
      }));
    } catch (error) {
      const title = error instanceof ApiError ? error.userMessage : API_MESSAGES.unknown;
      void Taro.showToast({ title, icon: 'none' });
    } finally {
      setLoadingOlder(false);
    }
  };

  return { detail, timeline, hasOlder: nextCursor !== null, isLoadingOlder, loadOlder };
}
