/**
 * `GET /api/trial-sessions`, `POST /api/bookings`, `DELETE /api/bookings/:id`, `GET /api/me/bookings`
 * (issue 4 item 7). A session lists its capacity and seats left; a full session answers 409.
 */
import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../fields.js';

export const trialSessionSchema = z.object({
  id: entityIdSchema,
  course: z.object({ id: entityIdSchema, name: z.string() }),
  /** The address is what the booking sheet shows before the prospect commits (issue 14). */
  campus: z.object({ id: entityIdSchema, name: z.string(), address: z.string() }),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  capacity: z.number().int().min(1),
  seatsLeft: z.number().int().min(0),
  isFull: z.boolean(),
});
export type TrialSession = z.infer<typeof trialSessionSchema>;

export const listTrialSessionsQuerySchema = z.strictObject({
  courseId: entityIdSchema.optional(),
  campusId: entityIdSchema.optional(),
  /** Calendar day in Asia/Shanghai, `YYYY-MM-DD`. */
  date: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }).optional(),
});
export type ListTrialSessionsQuery = z.infer<typeof listTrialSessionsQuerySchema>;

export const listTrialSessionsResponseSchema = z.object({ sessions: z.array(trialSessionSchema) });
export type ListTrialSessionsResponse = z.infer<typeof listTrialSessionsResponseSchema>;

export const BOOKING_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;

export const bookingSchema = z.object({
  id: entityIdSchema,
  status: z.enum(BOOKING_STATUSES),
  createdAt: isoDateTimeSchema,
  session: trialSessionSchema,
});
export type Booking = z.infer<typeof bookingSchema>;

export const createBookingRequestSchema = z.strictObject({ sessionId: entityIdSchema });
export type CreateBookingRequest = z.infer<typeof createBookingRequestSchema>;

export const createBookingResponseSchema = z.object({ booking: bookingSchema });
export type CreateBookingResponse = z.infer<typeof createBookingResponseSchema>;

export const cancelBookingResponseSchema = z.object({ booking: bookingSchema });
export type CancelBookingResponse = z.infer<typeof cancelBookingResponseSchema>;

export const listMyBookingsResponseSchema = z.object({ bookings: z.array(bookingSchema) });
export type ListMyBookingsResponse = z.infer<typeof listMyBookingsResponseSchema>;
