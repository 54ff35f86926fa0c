/**
 * A lead's history as the lead page shows it (issue 9 §3): touchpoints newest first with their
 * content's title (keyset pages on `touchpoints_lead_occurred_idx`), advisors' notes, assignment
 * periods and enrolments.
 */
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { advisors, contentItems, courses, enrolments, leadAssignments, touchpoints } from '../schema/index.js';

type Db = Database | Transaction;

export interface TimelineCursor {
  /** `occurred_at` as PostgreSQL printed it (microseconds kept). */
  at: string;
  id: string;
}

export function listTimelineRows(db: Db, input: { leadId: string; after?: TimelineCursor; limit: number }) {
  const after: SQL | undefined = input.after
    ? sql`(${touchpoints.occurredAt}, ${touchpoints.id}) < (${input.after.at}::timestamptz, ${input.after.id}::uuid)`
    : undefined;
  return db
    .select({
      touchpoint: touchpoints,
      contentTitle: contentItems.title,
      atText: sql<string>`${touchpoints.occurredAt}::text`,
    })
    .from(touchpoints)
    .leftJoin(contentItems, eq(contentItems.id, touchpoints.contentId))
    .where(and(eq(touchpoints.leadId, input.leadId), after))
    .orderBy(desc(touchpoints.occurredAt), desc(touchpoints.id))
    .limit(input.limit);
}

/** Advisors' notes, newest first, with who wrote them. */
export function listNoteRows(db: Db, leadId: string, limit = 50) {
  return db
    .select({ id: touchpoints.id, props: touchpoints.props, at: touchpoints.occurredAt, by: advisors.name })
    .from(touchpoints)
    .leftJoin(advisors, sql`${advisors.id}::text = ${touchpoints.props}->>'advisorId'`)
    .where(and(eq(touchpoints.leadId, leadId), eq(touchpoints.type, 'advisor_note')))
    .orderBy(desc(touchpoints.occurredAt))
    .limit(limit);
}

export function listAssignmentRows(db: Db, leadId: string) {
  return db
    .select({ assignment: leadAssignments, advisorName: advisors.name })
    .from(leadAssignments)
    .innerJoin(advisors, eq(advisors.id, leadAssignments.advisorId))
    .where(eq(leadAssignments.leadId, leadId))
    .orderBy(desc(leadAssignments.assignedAt));
}

export function listEnrolmentRows(db: Db, leadId: string) {
  return db
    .select({ enrolment: enrolments, courseName: courses.name })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .where(eq(enrolments.leadId, leadId))
    .orderBy(desc(enrolments.enrolledOn));
}
