import { randomUUID } from 'node:crypto';
import type { GetCourseResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCatalog,
  createTestSession,
  expectError,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { campuses, contentItems, courses } from '../../db/schema/index.js';

async function setup() {
  const t = await createTestApp();
  const catalog = await createTestCatalog(t);
  await t.db
    .update(courses)
    .set({
      description: '12 周小班，听说读写全面提升',
      audience: '目标 6.5–7 分的高中生与大学生',
      format: '12 周 · 48 课时 · 6–10 人小班',
      syllabus: ['第 1–3 周：诊断与基础', '第 4–9 周：分项突破', '第 10–12 周：全真模考'],
    })
    .where(eq(courses.id, catalog.course.id));
  // A campus without the course's sessions is not one of its campuses.
  await t.db.insert(campuses).values({ name: '杭州西湖校区', city: '杭州', address: '文三路 259 号' });
  const later = await createTestSession(t, catalog, { inDays: 5 });
  const sooner = await createTestSession(t, catalog, { inDays: 2 });
  await createTestSession(t, catalog, { inDays: -1 });
  const [tagged, sameTopic] = await t.db
    .insert(contentItems)
    .values([
      {
        title: '雅思冲刺班课程大纲',
        kind: 'article',
        topic: '雅思',
        journeyStage: 'preferring',
        courseId: catalog.course.id,
      },
      { title: '雅思和托福怎么选', kind: 'article', topic: '雅思', journeyStage: 'exploring' },
      { title: '托福口语计划', kind: 'article', topic: '托福', journeyStage: 'exploring' },
    ])
    .returning();
  return { t, ...catalog, sessions: [sooner, later], related: [tagged, sameTopic] };
}

const getCourse = (t: TestApp, id: string) => t.request<GetCourseResponse>(`/api/courses/${id}`);

describe('GET /api/courses/:id', () => {
  it('gives the course page without a token: outline, price, its campuses, upcoming sessions soonest first, related content', async () => {
    const { t, course, campus, sessions, related } = await setup();
    const res = await getCourse(t, course.id);
    expect(res.status).toBe(200);
    expect(res.body.course).toMatchObject({
      id: course.id,
      name: '雅思 7 分冲刺',
      topic: '雅思',
      summary: '12 周小班，听说读写全面提升',
      priceFen: 1_280_000,
      audience: '目标 6.5–7 分的高中生与大学生',
      format: '12 周 · 48 课时 · 6–10 人小班',
      syllabus: ['第 1–3 周：诊断与基础', '第 4–9 周：分项突破', '第 10–12 周：全真模考'],
      campuses: [{ id: campus.id, name: '上海徐汇校区', city: '上海', address: '漕溪北路 1 号' }],
    });
    expect(res.body.course.sessions.map((s) => s.id)).toEqual(sessions.map((s) => s?.id));
    expect(res.body.course.sessions[0]).toMatchObject({
      seatsLeft: 5,
      isFull: false,
      campus: { address: '漕溪北路 1 号' },
    });
    // The items tagged with the course first, then its topic's; another topic's never.
    expect(res.body.course.related.map((c) => c.id)).toEqual(related.map((c) => c?.id));
  });

  it('a course with no upcoming session has no sessions and no campuses, not an error', async () => {
    const t = await createTestApp();
    const { course } = await createTestCatalog(t);
    const res = await getCourse(t, course.id);
    expect(res.status).toBe(200);
    expect(res.body.course).toMatchObject({ sessions: [], campuses: [], related: [], syllabus: [], audience: '' });
  });

  it('a withdrawn course is 404 like a missing one', async () => {
    const { t, course } = await setup();
    await t.db.update(courses).set({ isActive: false }).where(eq(courses.id, course.id));
    expectError(await getCourse(t, course.id), 404, 'not_found');
  });

  it.each([
    ['/api/courses/not-a-uuid', 400, 'validation_failed'],
    ['/api/courses/%20', 400, 'validation_failed'],
    [`/api/courses/${randomUUID()}`, 404, 'not_found'],
  ] as const)('%s → %i', async (path, status, code) => {
    const t = await createTestApp();
    expectError(await t.request(path), status, code);
  });
});
