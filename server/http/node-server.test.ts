import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../tests/helpers/index.js';
import { MAX_BODY_BYTES } from './body-limit.js';
import { findClientAddress } from './client-address.js';
import { defineRoute } from './route.js';

/** One request on `agent`; resolves with the status, the body and the socket that carried it. */
function send(
  agent: http.Agent,
  url: URL,
  options: { method: string; body?: Buffer | string; headers?: http.OutgoingHttpHeaders },
) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(url, { agent, method: options.method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serveApp(t: TestApp) {
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

const addressRoute = defineRoute({
  method: 'get',
  path: '/whoami',
  summary: 'The client address the app trusts',
  response: z.object({ address: z.string().nullable() }),
  handler: ({ c }) => ({ address: findClientAddress(c) ?? null }),
});

describe('a real Node server', () => {
  it('takes the client address from the connection, not from X-Forwarded-For (ADR 007)', async () => {
    const t = await createTestApp({ routes: [addressRoute] });
    const base = await serveApp(t);
    const res = await fetch(new URL('/api/whoami', base), { headers: { 'x-forwarded-for': '198.51.100.7' } });
    expect(await res.json()).toEqual({ address: '127.0.0.1' });
  });
});

describe('the body limit on a real connection (issue 8 item 4)', () => {
  it.each([
    ['with Content-Length', (body: Buffer) => ({ 'content-type': 'application/json', 'content-length': body.length })],
    ['chunked', () => ({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' })],
  ])('answers 413 %s and the next request on the same keep-alive connection works', async (_label, headers) => {
    const t = await createTestApp();
    const base = await serveApp(t);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = Buffer.alloc(MAX_BODY_BYTES + 64 * 1024, 'x');
      for (let round = 0; round < 3; round += 1) {
        const refused = await send(agent, new URL('/api/auth/login', base), {
          method: 'POST',
          body: big,
          headers: headers(big),
        });
        expect(refused.status).toBe(413);
        expect(refused.headers.connection).toBe('close');
        expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'payload_too_large' } });
        const next = await send(agent, new URL('/api/health', base), { method: 'GET' });
        expect(next.status).toBe(200);
      }
    } finally {
      agent.destroy();
    }
  });
});
