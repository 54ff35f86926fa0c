import {
  getMeResponseSchema,
  listMyBookingsResponseSchema,
  listTrialSessionsResponseSchema,
  type TrialSession,
} from '@scrm/shared';
import { api } from '../api';
import { useApiData } from './use-api-data';

export interface TrialSessionsData {
  sessions: TrialSession[];
  /** The prospect's active booking per session id: the card shows 已预约 and 取消. */
  myBookingBySession: Record<string, string>;
  /** What the prospect registered for: the list starts filtered on them (issue 14). */
  registered: { courseId: string | null; campusId: string | null };
}

/** Upcoming trial sessions with the prospect's own bookings; `courseId` narrows to one course. */
export function useTrialSessions(courseId?: string) {
  return useApiData<TrialSessionsData>(async () => {
    const [list, mine, me] = await Promise.all([
      api.request('/api/trial-sessions', {
        query: { courseId },
        schema: listTrialSessionsResponseSchema,
        isAuthenticated: false,
      }),
      api.request('/api/me/bookings', { schema: listMyBookingsResponseSchema }),
      api.request('/api/me', { schema: getMeResponseSchema }),
    ]);
    const myBookingBySession: Record<string, string> = {};
    for (const booking of mine.bookings) {
      if (booking.status === 'booked') myBookingBySession[booking.session.id] = booking.id;
    }
    return {
      sessions: list.sessions,
      myBookingBySession,
      registered: { courseId: me.lead.courseId, campusId: me.lead.campusId },
    };
  }, courseId ?? '');
}
