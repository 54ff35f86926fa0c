/**
 * What advisors record on a lead (issue 9 §4): its trial bookings as the workbench marks them,
 * enrolments with their value, and the next follow-up. The caller holds the lead's row lock.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { bookings, enrolments, leads } from '../schema/index.js';

/** Whether the lead has a trial booked or attended (issue 9 §7: the accept then makes it an opportunity). */
export async function hasBookedTrial(db: Database | Transaction, leadId: string): Promise<boolean> {
  const count = await db.$count(
    bookings,
    and(eq(bookings.leadId, leadId), inArray(bookings.status, ['booked', 'attended'])),
  );
  return count > 0;
}

export async function markBookingAttendance(
  tx: Transaction,
  bookingId: string,
  status: 'attended' | 'no_show',
  at: Date,
): Promise<void> {
  await tx
    .update(bookings)
    .set({ status, attendedAt: status === 'attended' ? at : null })
    .where(eq(bookings.id, bookingId));
}

export async function insertEnrolment(tx: Transaction, row: typeof enrolments.$inferInsert): Promise<void> {
  await tx.insert(enrolments).values(row);
}

export async function setNextFollowUp(tx: Transaction, leadId: string, at: Date | null): Promise<void> {
  await tx.update(leads).set({ nextFollowUpAt: at }).where(eq(leads.id, leadId));
}
