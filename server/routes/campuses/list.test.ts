import type { ListCampusesResponse } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp, createTestCatalog, expectError } from '../../../tests/helpers/index.js';

describe('GET /api/campuses', () => {
  it('lists the campuses without a token', async () => {
    const t = await createTestApp();
    const { campus } = await createTestCatalog(t);
    const res = await t.request<ListCampusesResponse>('/api/campuses');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      campuses: [{ id: campus.id, name: '上海徐汇校区', city: '上海', address: '漕溪北路 1 号' }],
    });
  });

  it('is an empty list before the institution has campuses', async () => {
    const t = await createTestApp();
    expect((await t.request<ListCampusesResponse>('/api/campuses')).body).toEqual({ campuses: [] });
  });

  it('is read-only: other methods are 404', async () => {
    const t = await createTestApp();
    expectError(await t.request('/api/campuses', { method: 'DELETE' }), 404, 'not_found');
  });
});
