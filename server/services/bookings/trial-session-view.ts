/** Trial session and booking rows as the contract shows them (shared/contracts/trial-sessions.ts). */
import type { Booking, TrialSession } from '@scrm/shared';
import type { BookingRow, TrialSessionRow } from '../../db/queries/trials.js';

export function toTrialSession(row: TrialSessionRow): TrialSession {
  const seatsLeft = Math.max(0, row.capacity - row.seatsTaken);
  return {
    id: row.id,
    course: { id: row.courseId, name: row.courseName },
    campus: { id: row.campusId, name: row.campusName, address: row.campusAddress ?? '' },
    startsAt: row.startsAt.toISOString(),
    endsAt: new Date(row.startsAt.getTime() + row.durationMinutes * 60_000).toISOString(),
    capacity: row.capacity,
    seatsLeft,
    isFull: seatsLeft === 0,
  };
}

export function toBooking(booking: BookingRow, session: TrialSessionRow): Booking {
  return {
    id: booking.id,
    status: booking.status,
    createdAt: booking.createdAt.toISOString(),
    session: toTrialSession(session),
  };
}
