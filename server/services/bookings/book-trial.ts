/**
 * Booking a trial class (issue 4 item 7; SPEC §4 "bookings never exceed capacity"). In one
 * transaction: the lead row is locked (one booking attempt per lead at a time, so the duplicate
 * check is exact), a seat is taken by the conditional UPDATE in db/queries/trials.ts, the booking
 * is inserted, and the `trial_booked` touchpoint moves the lead (preferring; high intent, so
 * routing hands it to an advisor, issue 9 §2 and §7).
 */
import { randomUUID } from 'node:crypto';
import type { CreateBookingResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { lockLead } from '../../db/queries/leads.js';
import { findActiveBooking, findTrialSessionRow, insertBooking, takeSeat } from '../../db/queries/trials.js';
import { AppError } from '../../http/app-error.js';
import { creditReferralIfReal } from '../leads/credit-referral.js';
import { assertLiveLead, isRegisteredLead } from '../leads/lead-guards.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import { deliverStaffNotifications } from '../routing/notify-advisors.js';
import { toBooking } from './trial-session-view.js';

export async function bookTrial(
  ctx: Pick<AppContext, 'db' | 'now' | 'wechat' | 'logger'>,
  options: { leadId: string; sessionId: string },
): Promise<CreateBookingResponse> {
  const now = ctx.now();
  const booked = await ctx.db.transaction(async (tx) => {
    const locked = await lockLead(tx, options.leadId);
    assertLiveLead(locked?.lead, options.leadId);
    if (!isRegisteredLead(locked.lead)) {
      throw new AppError('registration_required', 'Booking needs a registration', {
        userMessage: '请先完成登记再预约试听',
      });
    }
    const session = await findTrialSessionRow(tx, options.sessionId);
    if (!session)
      throw new AppError('not_found', `Session ${options.sessionId} not found`, { userMessage: '该场次不存在' });
    if (session.startsAt <= now)
      throw new AppError('conflict', 'Session already started', { userMessage: '该场次已开始，请选择其他场次' });
    if (await findActiveBooking(tx, session.id, options.leadId)) {
      throw new AppError('conflict', 'Already booked', { userMessage: '你已预约该场次' });
    }
    if (!(await takeSeat(tx, session.id)))
      throw new AppError('conflict', 'Session is full', { userMessage: '该场次已满' });
    const booking = await insertBooking(tx, { sessionId: session.id, leadId: options.leadId, now });
    const recorded = await recordLeadSignals(tx, {
      leadId: options.leadId,
      signals: [
        {
          id: randomUUID(),
          type: 'trial_booked',
          occurredAt: now.toISOString(),
          props: { sessionId: session.id, bookingId: booking.id },
        },
      ],
      now,
    });
    // A booking makes a referred lead real: its referrer's referral counts now (issue 8 item 11).
    await creditReferralIfReal(tx, { leadId: options.leadId, now });
    const response = { booking: toBooking(booking, { ...session, seatsTaken: session.seatsTaken + 1 }) };
    return { response, isNotificationQueued: recorded.isNotificationQueued };
  });
  // The booking is high intent: routing may have handed the lead to an advisor (issue 9 §2).
  if (booked.isNotificationQueued) await deliverStaffNotifications(ctx);
  return booked.response;
}
