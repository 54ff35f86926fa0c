/** `GET /api/me/bookings`: the prospect's bookings, soonest first. */
import type { ListMyBookingsResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { listLeadBookingsWithSessions } from '../../db/queries/trials.js';
import { readOfLiveLead } from '../leads/lead-guards.js';
import { toBooking } from './trial-session-view.js';

export async function listMyBookings(
  ctx: Pick<AppContext, 'db'>,
  options: { leadId: string },
): Promise<ListMyBookingsResponse> {
  const { data: rows } = await readOfLiveLead(ctx.db, options.leadId, listLeadBookingsWithSessions);
  return { bookings: rows.map((r) => toBooking(r.booking, r.session)) };
}
