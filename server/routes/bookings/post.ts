// POST /api/bookings — book a seat in a trial session (409 full or already booked).
import { createBookingRequestSchema, createBookingResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { rateLimit } from '../../http/rate-limit.js';
import { defineRoute } from '../../http/route.js';
import { bookTrial } from '../../services/bookings/book-trial.js';

export const postBookingRoute = defineRoute({
  method: 'post',
  path: '/bookings',
  summary: 'Book a trial session',
  tags: ['bookings'],
  request: { json: createBookingRequestSchema },
  response: createBookingResponseSchema,
  status: 201,
  errors: ['validation_failed', 'unauthenticated', 'registration_required', 'not_found', 'conflict', 'rate_limited'],
  middleware: [
    requireAuth('prospect'),
    rateLimit((c) => ({ key: `booking:lead:${getPrincipal(c).subject}`, limit: 20, windowMs: 60_000 })),
  ],
  handler: ({ ctx, c, json }) => bookTrial(ctx, { leadId: getPrincipal(c).subject, sessionId: json.sessionId }),
});
