/**
 * Marking a trial booking attended or a no-show (issue 9 §4): the booking's status and a
 * `trial_attended` / `trial_no_show` touchpoint (id: the request id), which scores and, for an
 * attendance, makes the lead an opportunity (issue 9 §7). Marking the same status again changes
 * nothing; a cancelled booking, or one marked the other way, is a 409.
 */
import { type MarkAttendanceRequest, STAFF_MESSAGES, type StaffLeadActionResponse } from '@scrm/shared';
import { markBookingAttendance } from '../../db/queries/lead-work.js';
import { lockOwnBooking } from '../../db/queries/trials.js';
import { AppError } from '../../http/app-error.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { type LeadActionContext, runLeadAction } from './run-lead-action.js';

export function markAttendance(
  ctx: LeadActionContext,
  options: { access: StaffAccess; leadId: string; request: MarkAttendanceRequest },
): Promise<StaffLeadActionResponse> {
  const { access, leadId, request } = options;
  return runLeadAction(ctx, {
    access,
    leadId,
    requestId: request.requestId,
    kind: 'attendance',
    payload: { bookingId: request.bookingId, status: request.status },
    act: async (tx, lead, now) => {
      const booking = await lockOwnBooking(tx, request.bookingId, leadId);
      if (!booking)
        throw new AppError('not_found', 'Booking not found', { userMessage: STAFF_MESSAGES.bookingNotFound });
      if (booking.status === request.status) return lead;
      if (booking.status === 'cancelled') {
        throw new AppError('conflict', 'Booking was cancelled', { userMessage: STAFF_MESSAGES.bookingCancelled });
      }
      if (booking.status !== 'booked') {
        throw new AppError('conflict', `Booking already ${booking.status}`, {
          userMessage: STAFF_MESSAGES.bookingAlreadyMarked,
        });
      }
      await markBookingAttendance(tx, booking.id, request.status, now);
      const type = request.status === 'attended' ? 'trial_attended' : 'trial_no_show';
      return recordLeadSignals(tx, {
        leadId,
        signals: [
          {
            id: request.requestId,
            type,
            occurredAt: now.toISOString(),
            props: { sessionId: booking.sessionId, bookingId: booking.id },
          },
        ],
        now,
      });
    },
  });
}
