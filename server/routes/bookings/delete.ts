// DELETE /api/bookings/:id — cancel one's own booking; the seat goes back.
import { cancelBookingResponseSchema, entityIdSchema } from '@scrm/shared';
import { z } from 'zod';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { defineRoute } from '../../http/route.js';
import { cancelBooking } from '../../services/bookings/cancel-booking.js';

export const deleteBookingRoute = defineRoute({
  method: 'delete',
  path: '/bookings/:id',
  summary: 'Cancel a booking',
  tags: ['bookings'],
  request: { params: z.object({ id: entityIdSchema }) },
  response: cancelBookingResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'not_found', 'conflict'],
  middleware: [requireAuth('prospect')],
  handler: ({ ctx, c, params }) => cancelBooking(ctx, { leadId: getPrincipal(c).subject, bookingId: params.id }),
});
