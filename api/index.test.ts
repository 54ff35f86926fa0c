import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Drives the exported Vercel entry through a real Node HTTP server, as @vercel/node calls it.
describe('api/index.ts (Vercel entry)', () => {
  let server: Server;
  let base: string;
  let closeRuntime: () => Promise<void>;

  beforeAll(async () => {
    // Without DATABASE_URL the runtime uses PGlite; keep it in memory rather than in .data/.
    vi.stubEnv('DATA_DIR', 'memory://');
    vi.stubEnv('LOG_LEVEL', 'warn');
    const entry = await import('./index.js');
    ({ closeRuntime } = await import('../server/runtime.js'));
    server = createServer(entry.default);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await closeRuntime();
    vi.unstubAllEnvs();
  });

  it('serves GET /api/health', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, db: expect.any(String), redis: expect.any(String) });
  });

  it('reads request bodies and answers errors in the envelope', async () => {
    const res = await fetch(`${base}/api/health`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { code: 'not_found', requestId: res.headers.get('x-request-id') },
    });
  });

  it('refuses a body over 256 KB with 413', async () => {
    const res = await fetch(`${base}/api/health`, { method: 'POST', body: 'x'.repeat(300 * 1024) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});
