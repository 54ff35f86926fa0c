import { ERROR_CODES } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, expectError } from '../tests/helpers/index.js';
import { AppError } from './http/app-error.js';
import { MAX_BODY_BYTES } from './http/body-limit.js';
import { clientAddress } from './http/client-address.js';
import { rateLimit } from './http/rate-limit.js';
import { defineRoute } from './http/route.js';

// Routes that exist only in this test, to drive the platform's behaviour through real requests.
const echoRoute = defineRoute({
  method: 'post',
  path: '/echo/:id',
  summary: 'Echo the validated input',
  request: {
    params: z.object({ id: z.uuid() }),
    query: z.object({ n: z.coerce.number().int().min(1).default(1) }),
    json: z.object({ events: z.array(z.object({ occurredAt: z.iso.datetime() })).min(1) }),
  },
  response: z.object({ id: z.string(), n: z.number(), count: z.number(), at: z.string() }),
  status: 201,
  handler: ({ params, query, json, ctx }) => ({
    id: params.id,
    n: query.n,
    count: json.events.length,
    at: ctx.now().toISOString(),
  }),
});
const failRoute = defineRoute({
  method: 'get',
  path: '/fail/:kind',
  summary: 'Fail in a chosen way',
  request: { params: z.object({ kind: z.enum(['conflict', 'crash', 'bad-response']) }) },
  response: z.object({ ok: z.boolean() }),
  handler: ({ params }) => {
    if (params.kind === 'conflict')
      throw new AppError('conflict', 'session is full', { userMessage: '该场试听已约满' });
    if (params.kind === 'crash') throw new Error('secret database password in message');
    return { ok: 'yes' } as unknown as { ok: boolean };
  },
});
const limitedRoute = defineRoute({
  method: 'get',
  path: '/limited',
  summary: 'Two per minute',
  middleware: [rateLimit(() => ({ key: 'limited', limit: 2, windowMs: 60_000 }))],
  response: z.object({ ok: z.boolean() }),
  handler: () => ({ ok: true }),
});
const perAddressRoute = defineRoute({
  method: 'get',
  path: '/limited-per-address',
  summary: 'Two per minute per client address',
  middleware: [rateLimit((c) => ({ key: `address:${clientAddress(c)}`, limit: 2, windowMs: 60_000 }))],
  response: z.object({ ok: z.boolean() }),
  handler: () => ({ ok: true }),
});
/** Two limits on one route, counted together: per caller (`?who=`, 2 a minute) and for everyone (3). */
const twoLimitsRoute = defineRoute({
  method: 'get',
  path: '/limited-twice',
  summary: 'Two per caller and three in all per minute',
  middleware: [
    rateLimit((c) => [
      { key: 'everyone', limit: 3, windowMs: 60_000 },
      { key: `caller:${c.req.query('who')}`, limit: 2, windowMs: 60_000 },
    ]),
  ],
  response: z.object({ ok: z.boolean() }),
  handler: () => ({ ok: true }),
});
const routes = [echoRoute, failRoute, limitedRoute, perAddressRoute, twoLimitsRoute];
const ID = '0b7f3a52-3c2e-4a55-9f7e-2f1a4d1c9e01';

describe('createApp', () => {
  it('validates params, query and body, and returns the parsed response with the route status', async () => {
    const t = await createTestApp({ routes });
    const res = await t.request(`/api/echo/${ID}?n=3`, { json: { events: [{ occurredAt: '2026-03-01T00:00:00Z' }] } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: ID, n: 3, count: 1, at: t.clock.now().toISOString() });
  });

  it.each([
    ['a bad path param', '/api/echo/not-a-uuid', { events: [{ occurredAt: '2026-03-01T00:00:00Z' }] }, 'id'],
    ['a bad query value', `/api/echo/${ID}?n=0`, { events: [{ occurredAt: '2026-03-01T00:00:00Z' }] }, 'n'],
    ['a missing body field', `/api/echo/${ID}`, {}, 'events'],
    ['a nested bad field', `/api/echo/${ID}`, { events: [{ occurredAt: 'yesterday' }] }, 'events.0.occurredAt'],
  ])('answers 400 validation_failed naming the field for %s', async (_name, path, json, field) => {
    const t = await createTestApp({ routes });
    const error = expectError(await t.request(path, { json }), 400, 'validation_failed');
    expect(error.message).toMatch(new RegExp(`^${field.replaceAll('.', '\\.')}: `));
    expect(error.issues?.[0]?.path).toBe(field);
    expect(error.userMessage).toBeTruthy();
  });

  it('answers 400 bad_request for malformed JSON', async () => {
    const t = await createTestApp({ routes });
    const res = await t.request(`/api/echo/${ID}`, {
      method: 'POST',
      body: '{"events": [',
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 400, 'bad_request');
  });

  it('answers 413 for a body over 256 KB, before validation', async () => {
    const t = await createTestApp({ routes });
    const big = JSON.stringify({ events: [], pad: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await t.request(`/api/echo/${ID}`, {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 413, 'payload_too_large');
  });

  it('keeps the code, message and Chinese user message of an AppError', async () => {
    const t = await createTestApp({ routes });
    const error = expectError(await t.request('/api/fail/conflict'), 409, 'conflict');
    expect(error).toMatchObject({ message: 'session is full', userMessage: '该场试听已约满' });
  });

  it.each([
    ['an unexpected exception', '/api/fail/crash'],
    ['a response that breaks its schema', '/api/fail/bad-response'],
  ])('answers a generic 500 for %s and logs it with the request id', async (_name, path) => {
    const t = await createTestApp({ routes, expectErrorLogs: true });
    const res = await t.request(path, { headers: { 'x-request-id': 'req-test-0001' } });
    const error = expectError(res, 500, 'internal');
    expect(error.message).toBe('Internal server error');
    expect(res.text).not.toContain('secret');
    expect(error.requestId).toBe('req-test-0001');
    expect(t.logs).toEqual([
      expect.objectContaining({ level: 'error', msg: 'unhandled error', requestId: 'req-test-0001' }),
    ]);
  });

  it('answers 429 with Retry-After once the window is used up', async () => {
    const t = await createTestApp({ routes });
    expect((await t.request('/api/limited')).status).toBe(200);
    const second = await t.request('/api/limited');
    expect(second.headers.get('ratelimit-remaining')).toBe('0');
    const third = await t.request('/api/limited');
    expectError(third, 429, 'rate_limited');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts every limit of a route on each request and refuses past any of them', async () => {
    const t = await createTestApp({ routes });
    const call = (who: string) => t.request(`/api/limited-twice?who=${who}`);
    const first = await call('a');
    // The headers describe the limit closest to being used up: the caller's.
    expect([first.status, first.headers.get('ratelimit-limit'), first.headers.get('ratelimit-remaining')]).toEqual([
      200,
      '2',
      '1',
    ]);
    expect((await call('a')).status).toBe(200);
    expectError(await call('a'), 429, 'rate_limited');
    // The refused request still counted for everyone (3 of 3): b's first request is over that limit.
    const b = await call('b');
    expectError(b, 429, 'rate_limited');
    expect([b.headers.get('ratelimit-limit'), b.headers.get('ratelimit-remaining')]).toEqual(['3', '0']);
  });

  // ADR 007: which address a per-address limit counts.
  describe('per client address', () => {
    const statuses = async (t: Awaited<ReturnType<typeof createTestApp>>, options: Parameters<typeof t.request>[1]) => {
      const out: number[] = [];
      for (let i = 0; i < 3; i += 1) out.push((await t.request('/api/limited-per-address', options)).status);
      return out;
    };

    it('counts the connection address and ignores forwarding headers the client writes', async () => {
      const t = await createTestApp({ routes });
      const spoofed = (n: number) => ({ 'x-forwarded-for': `10.0.0.${n}`, 'x-vercel-forwarded-for': `10.1.0.${n}` });
      expect(await statuses(t, { remoteAddress: '203.0.113.1', headers: spoofed(1) })).toEqual([200, 200, 429]);
      expect(
        (await t.request('/api/limited-per-address', { remoteAddress: '203.0.113.1', headers: spoofed(2) })).status,
      ).toBe(429);
      expect(await statuses(t, { remoteAddress: '203.0.113.2' })).toEqual([200, 200, 429]);
    });

    it('gives each request without a known address a bucket of its own, not one shared "unknown"', async () => {
      const t = await createTestApp({ routes });
      expect(await statuses(t, {})).toEqual([200, 200, 200]);
    });

    it("reads Vercel's own header, and only it, when TRUSTED_PROXY=vercel", async () => {
      const t = await createTestApp({ routes, env: { TRUSTED_PROXY: 'vercel' } });
      const via = (address: string) => ({
        remoteAddress: '10.200.0.1', // Vercel's proxy, the same for everyone
        headers: { 'x-vercel-forwarded-for': address, 'x-forwarded-for': '192.0.2.1' },
      });
      expect(await statuses(t, via('203.0.113.9'))).toEqual([200, 200, 429]);
      expect(await statuses(t, via('203.0.113.10'))).toEqual([200, 200, 429]);
    });
  });

  it.each([
    ['a success', '/api/limited'],
    ['an error', '/api/fail/conflict'],
    ['an unknown path', '/api/nope'],
  ])('sends the security headers with %s', async (_label, path) => {
    const t = await createTestApp({ routes });
    const res = await t.request(path);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('ignores an unsafe incoming request id', async () => {
    const t = await createTestApp({ routes });
    const res = await t.request('/api/nope', { headers: { 'x-request-id': 'bad id\n' } });
    expect(expectError(res, 404, 'not_found').requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every mounted route from its schemas', async () => {
    const t = await createTestApp({ routes });
    const res = await t.request<{ openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> }>(
      '/api/openapi.json',
    );
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual([
      '/api/echo/{id}',
      '/api/fail/{kind}',
      '/api/limited',
      '/api/limited-per-address',
      '/api/limited-twice',
      '/api/openapi.json',
    ]);
    const echo = res.body.paths['/api/echo/{id}']?.post;
    expect(echo).toMatchObject({
      summary: 'Echo the validated input',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'n', in: 'query', required: false },
      ],
      requestBody: { content: { 'application/json': { schema: { required: ['events'] } } } },
      responses: {
        '201': {},
        '400': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } } },
      },
    });
  });

  it('includes the real API routes by default', async () => {
    const t = await createTestApp();
    const res = await t.request<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>('/api/openapi.json');
    expect(res.body.paths).toHaveProperty('/api/health');
    expect(res.body.components.schemas.ErrorEnvelope).toMatchObject({
      properties: { error: { properties: { code: { enum: [...ERROR_CODES] } } } },
    });
  });
});
