// GET /api/me/bookings — the prospect's own bookings.
import { listMyBookingsResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { defineRoute } from '../../http/route.js';
import { listMyBookings } from '../../services/bookings/list-my-bookings.js';

export const listMyBookingsRoute = defineRoute({
  method: 'get',
  path: '/me/bookings',
  summary: 'My bookings',
  tags: ['bookings', 'me'],
  response: listMyBookingsResponseSchema,
  errors: ['unauthenticated', 'forbidden'],
  middleware: [requireAuth('prospect')],
  handler: ({ ctx, c }) => listMyBookings(ctx, { leadId: getPrincipal(c).subject }),
});
