/**
 * Trial classes (试听) and bookings (SPEC §1, §4: capacity is never exceeded under concurrent
 * requests; a prospect cannot book the same session twice).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { leads } from './leads.js';
import { advisors, campuses, courses } from './org.js';

export const trialSessions = pgTable(
  'trial_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    campusId: uuid('campus_id')
      .notNull()
      .references(() => campuses.id),
    teacherAdvisorId: uuid('teacher_advisor_id').references(() => advisors.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    capacity: integer('capacity').notNull(),
    /**
     * Seats held by active bookings. Book with `UPDATE … SET seats_taken = seats_taken + 1 WHERE
     * seats_taken < capacity`: the row lock serialises concurrent bookings, and the check
     * constraint below is the last line of defence.
     */
    seatsTaken: integer('seats_taken').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('trial_sessions_seats_ck', sql`${t.seatsTaken} >= 0 and ${t.seatsTaken} <= ${t.capacity}`),
    index('trial_sessions_starts_idx').on(t.startsAt),
    index('trial_sessions_campus_starts_idx').on(t.campusId, t.startsAt),
    index('trial_sessions_course_starts_idx').on(t.courseId, t.startsAt),
  ],
);

export const BOOKING_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trialSessions.id),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    status: text('status', { enum: BOOKING_STATUSES }).notNull().default('booked'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    attendedAt: timestamp('attended_at', { withTimezone: true }),
  },
  (t) => [
    // One active booking per (session, lead); a cancelled one does not block booking again.
    uniqueIndex('bookings_session_lead_active_uq').on(t.sessionId, t.leadId).where(sql`${t.status} <> 'cancelled'`),
    index('bookings_lead_created_idx').on(t.leadId, t.createdAt),
  ],
);
