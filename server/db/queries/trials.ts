/**
 * Trial sessions and bookings (SPEC §4: "bookings never exceed capacity under concurrent
 * requests"). A seat is taken by one conditional UPDATE: PostgreSQL locks the session row, and a
 * waiting UPDATE re-checks `seats_taken < capacity` on the row as committed by the one before it
 * (READ COMMITTED re-evaluation), so concurrent bookings can never overfill a session. The check
 * constraint on the table and the partial unique index on bookings are the last line of defence.
 */
import { and, asc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { bookings, campuses, courses, trialSessions } from '../schema/index.js';

const sessionColumns = {
  id: trialSessions.id,
  startsAt: trialSessions.startsAt,
  durationMinutes: trialSessions.durationMinutes,
  capacity: trialSessions.capacity,
  seatsTaken: trialSessions.seatsTaken,
  courseId: courses.id,
  courseName: courses.name,
  campusId: campuses.id,
  campusName: campuses.name,
  campusAddress: campuses.address,
};

export type TrialSessionRow = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  capacity: number;
  seatsTaken: number;
  courseId: string;
  courseName: string;
  campusId: string;
  campusName: string;
  campusAddress: string | null;
};

function sessionsQuery(db: Database | Transaction) {
  return db
    .select(sessionColumns)
    .from(trialSessions)
    .innerJoin(courses, eq(courses.id, trialSessions.courseId))
    .innerJoin(campuses, eq(campuses.id, trialSessions.campusId));
}

export function listTrialSessionRows(
  db: Database | Transaction,
  input: { from: Date; to?: Date; courseId?: string; campusId?: string },
): Promise<TrialSessionRow[]> {
  const filters = [
    gt(trialSessions.startsAt, input.from),
    input.to ? lt(trialSessions.startsAt, input.to) : undefined,
    input.courseId ? eq(trialSessions.courseId, input.courseId) : undefined,
    input.campusId ? eq(trialSessions.campusId, input.campusId) : undefined,
  ].filter((f) => f !== undefined);
  return sessionsQuery(db)
    .where(and(...filters))
    .orderBy(asc(trialSessions.startsAt))
    .limit(200);
}

export async function findTrialSessionRow(db: Database | Transaction, id: string): Promise<TrialSessionRow | null> {
  const [row] = await sessionsQuery(db).where(eq(trialSessions.id, id));
  return row ?? null;
}

/** Takes one seat if one is left; `false` when the session is full. */
export async function takeSeat(tx: Transaction, sessionId: string): Promise<boolean> {
  const taken = await tx
    .update(trialSessions)
    .set({ seatsTaken: sql`${trialSessions.seatsTaken} + 1` })
    .where(and(eq(trialSessions.id, sessionId), lt(trialSessions.seatsTaken, trialSessions.capacity)))
    .returning({ id: trialSessions.id });
  return taken.length === 1;
}

export async function releaseSeat(tx: Transaction, sessionId: string): Promise<void> {
  await tx
    .update(trialSessions)
    .set({ seatsTaken: sql`${trialSessions.seatsTaken} - 1` })
    .where(and(eq(trialSessions.id, sessionId), gte(trialSessions.seatsTaken, 1)));
}

export type BookingRow = typeof bookings.$inferSelect;

export async function findActiveBooking(
  tx: Transaction,
  sessionId: string,
  leadId: string,
): Promise<BookingRow | null> {
  const [row] = await tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.sessionId, sessionId), eq(bookings.leadId, leadId), sql`${bookings.status} <> 'cancelled'`));
  return row ?? null;
}

export async function insertBooking(
  tx: Transaction,
  input: { sessionId: string; leadId: string; now: Date },
): Promise<BookingRow> {
  const [row] = await tx
    .insert(bookings)
    .values({ sessionId: input.sessionId, leadId: input.leadId, createdAt: input.now })
    .returning();
  if (!row) throw new Error('booking insert returned nothing');
  return row;
}

/** The lead's own booking, locked; `null` for someone else's (never reveal it exists). */
export async function lockOwnBooking(tx: Transaction, bookingId: string, leadId: string): Promise<BookingRow | null> {
  const [row] = await tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), eq(bookings.leadId, leadId)))
    .for('update');
  return row ?? null;
}

export async function markBookingCancelled(tx: Transaction, bookingId: string, now: Date): Promise<BookingRow> {
  const [row] = await tx
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(eq(bookings.id, bookingId))
    .returning();
  if (!row) throw new Error(`booking ${bookingId} vanished while locked`);
  return row;
}

export function listLeadBookingsWithSessions(db: Database | Transaction, leadId: string) {
  return db
    .select({ booking: bookings, session: sessionColumns })
    .from(bookings)
    .innerJoin(trialSessions, eq(trialSessions.id, bookings.sessionId))
    .innerJoin(courses, eq(courses.id, trialSessions.courseId))
    .innerJoin(campuses, eq(campuses.id, trialSessions.campusId))
    .where(eq(bookings.leadId, leadId))
    .orderBy(asc(trialSessions.startsAt));
}

/** Whether the lead has booked a trial class it did not cancel (a referral counts then, issue 8 item 11). */
export async function hasUncancelledBooking(tx: Transaction, leadId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.leadId, leadId), sql`${bookings.status} <> 'cancelled'`))
    .limit(1);
  return rows.length > 0;
}
