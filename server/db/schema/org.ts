/**
 * The institution: campuses, courses and the advisors (课程顾问) who work leads (SPEC §1, §2.4).
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const campuses = pgTable(
  'campuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    city: text('city').notNull(),
    address: text('address'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campuses_city_idx').on(t.city)],
);

export const courses = pgTable('courses', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable short code, e.g. `ielts-7`; what `lead.courseInterest` and imports refer to. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  category: text('category'),
  description: text('description'),
  /** The course page (issue 14): who it is for, the class format, the syllabus outline. */
  audience: text('audience'),
  format: text('format'),
  syllabus: jsonb('syllabus').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** List price in fen (CNY cents), an integer so that sums never drift. */
  priceFen: integer('price_fen'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ADVISOR_ROLES = ['advisor', 'manager'] as const;
export type AdvisorRole = (typeof ADVISOR_ROLES)[number];

/**
 * Staff (SPEC §1, issue 9 §1): course advisors (课程顾问) and their managers. A staff member is a
 * WeChat openid bound to this record, with a role, the campuses they work for (or all of them),
 * a capacity and an active flag. The table keeps its first name, `advisors`, because leads,
 * routing cursors and trial sessions already refer to it.
 */
export const advisors = pgTable(
  'advisors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Staff sign in through the same mini-program (SPEC §1); bound when they join (or by the CLI). */
    openid: text('openid').unique(),
    name: text('name').notNull(),
    phone: text('phone'),
    role: text('role', { enum: ADVISOR_ROLES }).notNull().default('advisor'),
    /** The campuses this person works for; routing and the pool read it (SPEC §2.4). */
    campusIds: uuid('campus_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** An institution-wide manager: every campus, including ones opened later. */
    isAllCampuses: boolean('is_all_campuses').notNull().default(false),
    /** Courses this advisor sells; routing matches a lead's course interest against it (SPEC §2.4). */
    courseIds: uuid('course_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Most open leads the advisor may own at once. */
    capacity: integer('capacity').notNull().default(50),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (t) => [
    index('advisors_campus_ids_idx').using('gin', t.campusIds),
    index('advisors_course_ids_idx').using('gin', t.courseIds),
  ],
);
