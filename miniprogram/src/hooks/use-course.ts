import { type GetCourseResponse, getCourseResponseSchema, listMyBookingsResponseSchema } from '@scrm/shared';
import { api } from '../api';
import { useApiData } from './use-api-data';

export interface CoursePageData {
  course: GetCourseResponse['course'];
  /** The prospect's active booking per session id, for the 已预约 state. */
  myBookingBySession: Record<string, string>;
}

/** The course page's data: the course and the prospect's own bookings of its sessions. */
export function useCourse(id: string | undefined) {
  return useApiData<CoursePageData | null>(async () => {
    if (!id) return null;
    const [reply, mine] = await Promise.all([
      api.request(`/api/courses/${id}`, { schema: getCourseResponseSchema, isAuthenticated: false }),
      api.request('/api/me/bookings', { schema: listMyBookingsResponseSchema }),
    ]);
    const myBookingBySession: Record<string, string> = {};
    for (const booking of mine.bookings) {
      if (booking.status === 'booked') myBookingBySession[booking.session.id] = booking.id;
    }
    return { course: reply.course, myBookingBySession };
  }, id ?? '');
}
