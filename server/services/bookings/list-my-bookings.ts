/** `GET /api/me/bookings`: the prospect's bookings, soonest first. */
import type { ListMyBookingsResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { listLeadBookingsWithSessions } from '../../db/queries/trials.js';
import { toBooking } from './trial-session-view.js';

export async function listMyBookings(
  ctx: Pick<AppContext, 'db'>,
  options: { leadId: string },
): Promise<ListMyBookingsResponse> {
  const rows = await listLeadBookingsWithSessions(ctx.db, options.leadId);
  return { bookings: rows.map((r) => toBooking(r.booking, r.session)) };
}
