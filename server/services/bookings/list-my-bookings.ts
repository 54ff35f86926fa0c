/** `GET /api/me/bookings`: the prospect's bookings, soonest first. */
import type { ListMyBookingsResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { findLeadById } from '../../db/queries/leads.js';
import { listLeadBookingsWithSessions } from '../../db/queries/trials.js';
import { assertLiveLead } from '../leads/lead-guards.js';
import { toBooking } from './trial-session-view.js';

export async function listMyBookings(
  ctx: Pick<AppContext, 'db'>,
  options: { leadId: string },
): Promise<ListMyBookingsResponse> {
  const [lead, rows] = await Promise.all([
    findLeadById(ctx.db, options.leadId),
    listLeadBookingsWithSessions(ctx.db, options.leadId),
  ]);
  assertLiveLead(lead, options.leadId);
  return { bookings: rows.map((r) => toBooking(r.booking, r.session)) };
}
