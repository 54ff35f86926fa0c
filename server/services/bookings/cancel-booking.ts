/**
 * Cancelling one's own booking: the seat goes back and a `trial_cancelled` touchpoint is
 * recorded. Idempotent: cancelling a cancelled booking answers it unchanged. Someone else's
 * booking is a 404, so a prospect cannot learn that it exists.
 */
import { randomUUID } from 'node:crypto';
import type { CancelBookingResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { lockLead } from '../../db/queries/leads.js';
import { findTrialSessionRow, lockOwnBooking, markBookingCancelled, releaseSeat } from '../../db/queries/trials.js';
import { AppError } from '../../http/app-error.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import { toBooking } from './trial-session-view.js';

export async function cancelBooking(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { leadId: string; bookingId: string },
): Promise<CancelBookingResponse> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await lockLead(tx, options.leadId);
    const booking = await lockOwnBooking(tx, options.bookingId, options.leadId);
    const session = booking ? await findTrialSessionRow(tx, booking.sessionId) : null;
    if (!booking || !session) throw new AppError('not_found', 'Booking not found', { userMessage: '预约不存在' });
    if (booking.status === 'cancelled') return { booking: toBooking(booking, session) };
    if (booking.status !== 'booked' || session.startsAt <= now) {
      throw new AppError('conflict', 'Session already started', { userMessage: '试听已开始，无法取消' });
    }
    await releaseSeat(tx, session.id);
    const cancelled = await markBookingCancelled(tx, booking.id, now);
    await recordLeadSignals(tx, {
      leadId: options.leadId,
      signals: [
        {
          id: randomUUID(),
          type: 'trial_cancelled',
          occurredAt: now.toISOString(),
          props: { sessionId: session.id, bookingId: booking.id },
        },
      ],
      now,
    });
    return { booking: toBooking(cancelled, { ...session, seatsTaken: Math.max(0, session.seatsTaken - 1) }) };
  });
}
