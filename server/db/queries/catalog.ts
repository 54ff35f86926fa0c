/** Courses and campuses: the institution's catalogue (registration and trial pages). */
import { asc, eq } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { campuses, courses } from '../schema/index.js';

export type CourseRow = typeof courses.$inferSelect;
export type CampusRow = typeof campuses.$inferSelect;

export function listCourseRows(db: Database | Transaction): Promise<CourseRow[]> {
  return db.select().from(courses).orderBy(asc(courses.name));
}

export function listCampusRows(db: Database | Transaction): Promise<CampusRow[]> {
  return db.select().from(campuses).orderBy(asc(campuses.city), asc(campuses.name));
}

export async function findCourse(db: Database | Transaction, id: string): Promise<CourseRow | null> {
  const [row] = await db.select().from(courses).where(eq(courses.id, id));
  return row ?? null;
}

export async function findCampus(db: Database | Transaction, id: string): Promise<CampusRow | null> {
  const [row] = await db.select().from(campuses).where(eq(campuses.id, id));
  return row ?? null;
}
