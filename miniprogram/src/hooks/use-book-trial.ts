import { type CreateBookingResponse, createBookingResponseSchema } from '@scrm/shared';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import { API_MESSAGES } from '../api/messages';

export type BookingOutcome =
  | { kind: 'booked'; booking: CreateBookingResponse['booking'] }
  | { kind: 'needs_registration' }
  | { kind: 'refused'; userMessage: string };

/**
 * Books a trial seat and turns the API's answer into what the page does next: a 403
 * `registration_required` sends the prospect to the registration page; a 409 (full, already
 * booked, started) and any other error show the server's Chinese message.
 */
export async function bookTrial(api: ApiClient, sessionId: string): Promise<BookingOutcome> {
  try {
    const reply = await api.request('/api/bookings', {
      method: 'POST',
      body: { sessionId },
      schema: createBookingResponseSchema,
    });
    return { kind: 'booked', booking: reply.booking };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'registration_required') return { kind: 'needs_registration' };
    return { kind: 'refused', userMessage: error instanceof ApiError ? error.userMessage : API_MESSAGES.unknown };
  }
}
