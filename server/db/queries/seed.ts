/** Bulk inserts for the demo institution (services/seed). */
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../client.js';
import { advisors, campuses, contentItems, courses, leads, trialSessions } from '../schema/index.js';

export async function hasAnyCampus(db: Database): Promise<boolean> {
  return (await db.select({ id: campuses.id }).from(campuses).limit(1)).length > 0;
}

export const insertCampuses = (db: Database, rows: (typeof campuses.$inferInsert)[]) =>
  db.insert(campuses).values(rows).returning();
export const insertCourses = (db: Database, rows: (typeof courses.$inferInsert)[]) =>
  db.insert(courses).values(rows).returning();
export const insertContents = (db: Database, rows: (typeof contentItems.$inferInsert)[]) =>
  db.insert(contentItems).values(rows).returning();
export const insertAdvisors = (db: Database, rows: (typeof advisors.$inferInsert)[]) =>
  db.insert(advisors).values(rows).returning();
export const insertTrialSessions = (db: Database, rows: (typeof trialSessions.$inferInsert)[]) =>
  db.insert(trialSessions).values(rows).returning();
export const insertLeads = (db: Database, rows: (typeof leads.$inferInsert)[]) =>
  db.insert(leads).values(rows).returning();

/** The unowned leads of a campus that have a phone, best scored first (the demo hands some out). */
export async function listContactableLeadIdsOfCampus(db: Database, campusId: string): Promise<string[]> {
  const rows = await db
    .select({ id: leads.id })
    .from(leads)
    .where(
      and(eq(leads.campusId, campusId), isNotNull(leads.phone), isNull(leads.ownerAdvisorId), isNull(leads.erasedAt)),
    )
    .orderBy(desc(leads.scoreTotal), leads.id);
  return rows.map((r) => r.id);
}
