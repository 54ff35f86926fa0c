/** A small catalogue for route tests: one campus in 上海 and one course. */
import { campuses, courses, trialSessions } from '../../server/db/schema/index.js';
import type { TestApp } from './test-app.js';

export async function createTestCatalog(t: TestApp) {
  const [campus] = await t.db
    .insert(campuses)
    .values({ name: '上海徐汇校区', city: '上海', address: '漕溪北路 1 号' })
    .returning();
  const [course] = await t.db
    .insert(courses)
    .values({
      code: `ielts-${Math.random().toString(36).slice(2, 8)}`,
      name: '雅思 7 分冲刺',
      category: '雅思',
      priceFen: 1_280_000,
    })
    .returning();
  if (!campus || !course) throw new Error('catalog setup failed');
  return { campus, course };
}

/** A trial session of the catalogue's course at its campus, `inDays` from the app's now. */
export async function createTestSession(
  t: TestApp,
  catalog: { campus: { id: string }; course: { id: string } },
  options: { inDays?: number; capacity?: number } = {},
) {
  const [session] = await t.db
    .insert(trialSessions)
    .values({
      courseId: catalog.course.id,
      campusId: catalog.campus.id,
      title: '试听',
      startsAt: new Date(t.clock.now().getTime() + (options.inDays ?? 3) * 86_400_000),
      capacity: options.capacity ?? 5,
    })
    .returning();
  if (!session) throw new Error('session insert failed');
  return session;
}
