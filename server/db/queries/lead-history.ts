/** Everything stored about one lead, for the prospect's export and erasure (SPEC §4). */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { bookings, messageOutbox, stageTransitions, subscriptions, trialSessions } from '../schema/index.js';

export function listLeadBookingRows(db: Database | Transaction, leadId: string) {
  return db.select().from(bookings).where(eq(bookings.leadId, leadId)).orderBy(asc(bookings.createdAt));
}

export function listLeadTransitionRows(db: Database | Transaction, leadId: string) {
  return db
    .select()
    .from(stageTransitions)
    .where(eq(stageTransitions.leadId, leadId))
    .orderBy(asc(stageTransitions.at), asc(stageTransitions.ordinal));
}

/**
 * Cancels the lead's active bookings and gives their seats back (an erased prospect will not
 * come; the seats are someone else's). Returns how many were cancelled.
 */
export async function cancelActiveBookingsOfLead(tx: Transaction, leadId: string, now: Date): Promise<number> {
  const cancelled = await tx
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(and(eq(bookings.leadId, leadId), eq(bookings.status, 'booked')))
    .returning({ sessionId: bookings.sessionId });
  for (const { sessionId } of cancelled) {
    await tx
      .update(trialSessions)
      .set({ seatsTaken: sql`${trialSessions.seatsTaken} - 1` })
      .where(and(eq(trialSessions.id, sessionId), ne(trialSessions.seatsTaken, 0)));
  }
  return cancelled.length;
}

/**
 * Forgets what messaging kept about the lead: its subscription grants (they belong to an openid
 * that is released) and the personalised bodies of its messages (they hold the name). Messages
 * not yet sent are skipped; the rows stay for campaign counts.
 */
export async function forgetLeadMessaging(tx: Transaction, leadId: string, now: Date): Promise<void> {
  await tx.delete(subscriptions).where(eq(subscriptions.leadId, leadId));
  await tx
    .update(messageOutbox)
    .set({
      payload: {},
      status: sql`case when ${messageOutbox.status} in ('pending', 'sending') then 'skipped' else ${messageOutbox.status} end`,
      lockedUntil: null,
      updatedAt: now,
    })
    .where(eq(messageOutbox.leadId, leadId));
}
