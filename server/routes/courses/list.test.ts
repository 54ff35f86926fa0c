import type { ListCoursesResponse } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp, createTestCatalog, expectError } from '../../../tests/helpers/index.js';

describe('GET /api/courses', () => {
  it('lists the courses without a token', async () => {
    const t = await createTestApp();
    const { course } = await createTestCatalog(t);
    const res = await t.request<ListCoursesResponse>('/api/courses');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      courses: [{ id: course.id, name: '雅思 7 分冲刺', topic: '雅思', summary: '', priceFen: 1_280_000 }],
    });
  });

  it('is an empty list before the institution has courses', async () => {
    const t = await createTestApp();
    expect((await t.request<ListCoursesResponse>('/api/courses')).body).toEqual({ courses: [] });
  });

  it('is read-only: other methods are 404', async () => {
    const t = await createTestApp();
    expectError(await t.request('/api/courses', { method: 'POST', json: { name: 'x' } }), 404, 'not_found');
  });
});
