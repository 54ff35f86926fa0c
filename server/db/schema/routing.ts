/**
 * Round-robin cursors for lead routing (SPEC §2.4): one row per pool (e.g. a campus and course),
 * remembering the advisor who got the last lead. Update under `SELECT … FOR UPDATE` so that two
 * concurrent assignments do not pick the same advisor.
 */
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { advisors } from './org.js';

export const routingCursors = pgTable('routing_cursors', {
  /** The pool, e.g. `campus:<id>:course:<id>`. */
  key: text('key').primaryKey(),
  lastAdvisorId: uuid('last_advisor_id').references(() => advisors.id, { onDelete: 'set null' }),
  position: integer('position').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
