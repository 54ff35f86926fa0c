import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectError, logInAs, type TestApp } from '../../tests/helpers/index.js';
import { countRows } from '../../tests/helpers/table-counts.js';
import { findUnstorableJson, findUnstorableText } from './storable-text.js';

type Operation = { requestBody?: unknown; parameters?: { name: string; in: string }[] };
type Document = { paths: Record<string, Record<string, Operation>> };

/** Every operation of the app as its own document lists it, so a route added later is covered too. */
async function listOperations(t: TestApp) {
  const doc = (await t.request<Document>('/api/openapi.json')).body;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

/** `/api/bookings/{id}` with each path parameter filled in. */
const fill = (path: string, value: (name: string) => string) =>
  path.replace(/\{([^}]+)\}/g, (_m, name: string) => value(name));

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

describe('refuseUnstorableText (issue 8 item 1)', () => {
  it('refuses NUL in a query parameter, a path parameter and a JSON key or value on every route', async () => {
    const t = await createTestApp();
    const me = await logInAs(t, `nul${randomUUID().slice(0, 6)}`);
    const before = await countRows(t);
    const operations = await listOperations(t);
    expect(operations.length).toBeGreaterThan(15);
    for (const { method, path, op } of operations) {
      const send = (url: string, json?: unknown) =>
        t.request(url, { method: method as Method, token: me.token, ...(json === undefined ? {} : { json }) });
      const cases: [string, string, unknown, string][] = [
        ['query value', `${fill(path, () => randomUUID())}?topic=a%00b`, undefined, 'topic: must not contain the NUL'],
        ['query name', `${fill(path, () => randomUUID())}?a%00=1`, undefined, 'a parameter name must not contain'],
      ];
      if (path.includes('{'))
        cases.push(['path parameter', fill(path, () => 'x%00'), undefined, 'must not contain the NUL character']);
      if (op.requestBody) {
        const url = fill(path, () => randomUUID());
        cases.push(['JSON value', url, { name: '\u0000' }, 'name: must not contain the NUL character']);
        cases.push(['nested JSON value', url, { a: [{ b: 'x\u0000' }] }, 'a.0.b: must not contain the NUL']);
        cases.push(['JSON key', url, { events: [{ 'pa\u0000ge': 1 }] }, 'events.0: a property name must not contain']);
      }
      for (const [label, url, json, message] of cases) {
        const error = expectError(await send(url, json), 400, 'validation_failed');
        expect({ route: `${method} ${path}`, label, message: error.message }).toEqual({
          route: `${method} ${path}`,
          label,
          message: expect.stringContaining(message),
        });
      }
    }
    expect(await countRows(t)).toEqual(before);
  });

  it.each([
    ['GET /api/contents?topic=%00', '/api/contents?topic=%00', undefined, 'topic'],
    ['a registration name of "\\u0000"', '/api/registrations', { name: '\u0000', phone: '13800138000' }, 'name'],
    [
      'a touchpoint props.page',
      '/api/touchpoints',
      { events: [{ id: randomUUID(), type: 'page_view', occurredAt: 'x', props: { page: '/p\u0000' } }] },
      'events.0.props.page',
    ],
    [
      'a touchpoint channel',
      '/api/touchpoints',
      { events: [{ id: randomUUID(), type: 'page_view', channel: '\u0000', props: { page: '/' } }] },
      'events.0.channel',
    ],
  ])('names the field for %s', async (_label, url, json, field) => {
    const t = await createTestApp();
    const me = await logInAs(t, `nul${randomUUID().slice(0, 6)}`);
    const before = await countRows(t);
    const res = await t.request(url, { token: me.token, ...(json === undefined ? {} : { json }) });
    const error = expectError(res, 400, 'validation_failed');
    expect(error.message).toBe(`${field}: must not contain the NUL character`);
    expect(error.issues).toEqual([{ path: field, message: 'must not contain the NUL character' }]);
    expect(await countRows(t)).toEqual(before);
  });

  it('refuses an unpaired surrogate, which jsonb cannot store either', async () => {
    const t = await createTestApp();
    const res = await t.request('/api/touchpoints', {
      method: 'POST',
      body: '{"events":[{"props":{"page":"\\ud800"}}]}',
      headers: { 'content-type': 'application/json' },
    });
    expect(expectError(res, 400, 'validation_failed').message).toBe(
      'events.0.props.page: must not contain an unpaired UTF-16 surrogate',
    );
  });

  it('leaves malformed JSON to the validator (400 bad_request)', async () => {
    const t = await createTestApp();
    const res = await t.request('/api/auth/login', {
      method: 'POST',
      body: '{"code": "\u0000',
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 400, 'bad_request');
  });
});

describe('findUnstorableText / findUnstorableJson', () => {
  it('accepts any well-formed text without NUL, including paired surrogates (emoji)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000')),
        (text) => findUnstorableText(text) === null && findUnstorableJson({ [text]: [text] }).length === 0,
      ),
    );
  });

  it('finds a NUL wherever it sits in a JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), fc.string(), (value, before, after) => {
        const poisoned = { wrap: [value, `${before}\u0000${after}`] };
        return findUnstorableJson(poisoned).some((issue) => issue.path.join('.') === 'wrap.1');
      }),
    );
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableJson(deep)).toHaveLength(1);
  });
});
