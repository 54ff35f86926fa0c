import { randomUUID } from 'node:crypto';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { AUTH_ROLES, CLIENT_TOUCHPOINT_TYPES, ERROR_STATUS } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectError, signTestToken } from '../../tests/helpers/index.js';
import { routes } from '../routes/index.js';
import { requireAuth } from './auth.js';
import { readMiddlewareDoc } from './middleware-doc.js';
import { documentedErrors, MIDDLEWARE_ONLY_CODES } from './openapi.js';
import { rateLimit } from './rate-limit.js';

type Operation = {
  security?: Record<string, string[]>[];
  responses: Record<string, { headers?: Record<string, unknown> }>;
  requestBody?: { content: { 'application/json': { schema: unknown } } };
};
type Document = { paths: Record<string, Record<string, Operation>>; servers?: unknown[] };

async function getDocument() {
  const t = await createTestApp();
  const doc = (await t.request<Document>('/api/openapi.json')).body;
  return { t, doc };
}

const statusesOf = (op: Operation | undefined) => Object.keys(op?.responses ?? {}).sort();

describe('the OpenAPI document (issue 8 item 8)', () => {
  it("passes Redocly's recommended rules with no error", async () => {
    const { doc } = await getDocument();
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
  });

  it('documents every route the app mounts, and nothing else', async () => {
    const { t, doc } = await getDocument();
    const mounted = new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`),
    );
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual([...mounted].sort());
  });

  it('says which operations need the bearer token, which take it optionally, and which are public', async () => {
    const { doc } = await getDocument();
    const bearer = [{ bearerAuth: [] }];
    expect(doc.paths['/api/me']?.get?.security).toEqual(bearer);
    expect(doc.paths['/api/touchpoints']?.post?.security).toEqual(bearer);
    expect(doc.paths['/api/contents']?.get?.security).toEqual([{}, { bearerAuth: [] }]);
    expect(doc.paths['/api/courses']?.get?.security).toEqual([]);
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(doc.servers).toHaveLength(1);
  });

  // The items the outside test found missing, now derived from the middleware each route uses.
  it.each([
    ['/api/auth/login', 'post', ['400', '413', '429', '500', '502']],
    ['/api/auth/phone', 'post', ['400', '401', '403', '413', '429', '500', '502']],
    ['/api/registrations', 'post', ['400', '401', '403', '413', '429', '500']],
    ['/api/bookings', 'post', ['400', '401', '403', '404', '409', '413', '429', '500']],
    ['/api/bookings/{id}', 'delete', ['400', '401', '403', '404', '409', '413', '500']],
    ['/api/me', 'delete', ['400', '401', '403', '413', '500']],
    ['/api/me', 'get', ['400', '401', '403', '500']],
    ['/api/me/export', 'get', ['400', '401', '403', '429', '500']],
    ['/api/touchpoints', 'post', ['400', '401', '403', '413', '429', '500']],
    ['/api/courses', 'get', ['400', '500']],
  ])('%s %s documents exactly its error statuses', async (path, method, errors) => {
    const { doc } = await getDocument();
    const op = doc.paths[path]?.[method];
    expect(statusesOf(op).filter((s) => Number(s) >= 400)).toEqual(errors);
    if (errors.includes('429')) expect(op?.responses['429']?.headers).toHaveProperty('Retry-After');
  });

  it('lists only the event types a client may send in the touchpoints request body', async () => {
    const { doc } = await getDocument();
    const schema = JSON.stringify(doc.paths['/api/touchpoints']?.post?.requestBody);
    const types = [...schema.matchAll(/"const":"([a-z_]+)"/g)].map((m) => m[1]);
    expect(new Set(types)).toEqual(new Set(CLIENT_TOUCHPOINT_TYPES));
  });
});

describe('documented errors follow the middleware', () => {
  it('has a table of what each middleware answers', () => {
    const table = {
      "requireAuth('prospect')": readMiddlewareDoc(requireAuth('prospect'))?.errors,
      'requireAuth(every role)': readMiddlewareDoc(requireAuth(...AUTH_ROLES))?.errors,
      'rateLimit(…)': readMiddlewareDoc(rateLimit(() => null))?.errors,
    };
    expect(table).toEqual({
      "requireAuth('prospect')": ['unauthenticated', 'forbidden'],
      'requireAuth(every role)': ['unauthenticated'],
      'rateLimit(…)': ['rate_limited'],
    });
  });

  it('lets no route declare an answer that only a middleware it does not use can give', () => {
    const claimed = routes.flatMap((route) =>
      (route.errors ?? [])
        .filter(
          (code) => MIDDLEWARE_ONLY_CODES.includes(code) && !documentedErrors({ ...route, errors: [] }).includes(code),
        )
        .map((code) => `${route.method} ${route.path}: ${code}`),
    );
    expect(claimed).toEqual([]);
  });

  it('documents no status for a route that the route cannot answer (each code maps to one status)', () => {
    for (const route of routes) {
      const statuses = new Set(documentedErrors(route).map((code) => ERROR_STATUS[code]));
      expect(statuses.has(401)).toBe(Boolean(route.middleware?.some((m) => readMiddlewareDoc(m)?.auth?.required)));
      expect(statuses.has(429)).toBe(
        Boolean(route.middleware?.some((m) => readMiddlewareDoc(m)?.errors.includes('rate_limited'))) ||
          Boolean(route.errors?.includes('rate_limited')),
      );
    }
  });

  // Picked for POST /api/touchpoints: a token whose lead is gone is "log in again", as on every route.
  it('answers 401 on POST /api/touchpoints for a lead that does not exist', async () => {
    const t = await createTestApp();
    const token = await signTestToken(t, { role: 'prospect', subject: randomUUID() });
    const event = {
      id: randomUUID(),
      type: 'page_view',
      occurredAt: t.clock.now().toISOString(),
      props: { page: '/' },
    };
    const res = await t.request('/api/touchpoints', { json: { events: [event] }, token });
    expectError(res, 401, 'unauthenticated');
  });
});
