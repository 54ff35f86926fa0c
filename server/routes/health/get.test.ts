import { describe, expect, it } from 'vitest';
import { createTestApp, expectError } from '../../../tests/helpers/index.js';

describe('GET /api/health', () => {
  it('reports ok and the backends in use', async () => {
    const t = await createTestApp();
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, db: t.dbKind, redis: t.store.kind });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 503 in the envelope when the shared store is down', async () => {
    const t = await createTestApp({ expectErrorLogs: true });
    t.store.ping = async () => {
      throw new Error('connection refused');
    };
    expectError(await t.request('/api/health'), 503, 'service_unavailable');
    expect(t.logs.map((entry) => entry.msg)).toContain('health: shared store unreachable');
  });

  it('is a 404 envelope for an unknown route', async () => {
    const t = await createTestApp();
    const error = expectError(await t.request('/api/nope'), 404, 'not_found');
    expect(error.message).toBe('No route for GET /api/nope');
  });
});
