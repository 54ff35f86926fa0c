/**
 * The fuzzing suite (issue 8, "general defences"; ADR 008): every operation of the app's own
 * OpenAPI document — so routes added later are fuzzed without an edit here — is sent generated
 * requests (values that fit its schemas, values that almost fit, hostile strings, malformed JSON),
 * anonymously, with a real logged-in and registered prospect's token, and with a token of another
 * role. Each answer must be documented for the operation and:
 *
 * - never a 5xx;
 * - a 4xx in the error envelope (ADR 002);
 * - a 2xx whose body matches the documented response schema (Ajv, JSON Schema 2020-12).
 *
 * The database holds the demo institution (courses, campuses, content, trial sessions), and ids
 * seen in responses are reused in later requests, so that requests reach the services. Runs per
 * operation: `FUZZ_RUNS` (default 120; the suite is sized to stay under a minute per database).
 */

import { errorEnvelopeSchema } from '@scrm/shared';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { advisors } from '../../server/db/schema/index.js';
import { seedDemoInstitution } from '../../server/services/seed/seed-demo-institution.js';
import { DEMO_STAFF_OPENIDS } from '../../server/services/seed/seed-demo-workbench.js';
import { logInAs, registerThroughApi, signTestToken } from '../helpers/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  type ArbitraryContext,
  almostValidValue,
  fuzzValue,
  hostileString,
  idKindOf,
  type JsonSchema,
  validValue,
} from './schema-arbitrary.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Parameter = { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema };
type Operation = {
  /** The roles whose token the operation takes (from the access table; absent when public). */
  'x-roles'?: string[];
  security?: Record<string, unknown>[];
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
};
type Document = { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>; components: unknown };

/** A generated request: the values before they are put on the wire. */
type FuzzRequest = {
  auth: 'none' | 'prospect' | 'advisor' | 'manager' | 'cron' | 'other-role' | 'garbage';
  path: Record<string, string>;
  query: [string, string][];
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };
};

// Lone surrogates cannot be percent-encoded (encodeURIComponent throws); bodies carry them instead.
const isWellFormed = (text: string) => !/[\uD800-\uDFFF]/u.test(text);

/** A path segment that routes to the operation: `.` and `..` would be resolved away by the URL. */
const parameterValue = (schema: JsonSchema, ctx: ArbitraryContext, name?: string) =>
  fc.oneof(
    { weight: 7, arbitrary: validValue(schema, ctx, name) },
    { weight: 2, arbitrary: almostValidValue(schema, ctx) },
    { weight: 1, arbitrary: hostileString },
  );

const pathValue = (schema: JsonSchema, ctx: ArbitraryContext, name: string) =>
  parameterValue(schema, ctx, name)
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .filter((value) => value !== '' && value !== '.' && value !== '..' && isWellFormed(value));

const queryValue = (schema: JsonSchema, ctx: ArbitraryContext, name: string) =>
  parameterValue(schema, ctx, name)
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .filter((value) => isWellFormed(value));

/** `/api/bookings/{id}` → `booking`: what an `{id}` names. */
const resourceOf = (path: string) =>
  (/\/([a-z-]+)\/\{id\}/.exec(path)?.[1] ?? '').replace(/s$/, '').replace(/-./g, (m) => m.slice(1).toUpperCase());

function requestArbitrary(pathTemplate: string, op: Operation, ctx: ArbitraryContext): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  const path = fc.record(
    Object.fromEntries(
      params
        .filter((p) => p.in === 'path')
        .map((p) => [p.name, pathValue(p.schema, ctx, p.name === 'id' ? `${resourceOf(pathTemplate)}Id` : p.name)]),
    ),
  );
  const query = fc
    .tuple(
      ...params
        .filter((p) => p.in === 'query')
        .map((p) =>
          fc.option(
            queryValue(p.schema, ctx, p.name).map((value): [string, string] => [p.name, value]),
            // Half the optional parameters are left out, as clients mostly do.
            { freq: 2 },
          ),
        ),
    )
    .chain((known) =>
      fc
        .oneof(
          { weight: 9, arbitrary: fc.constant([]) },
          { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'limit', '\u0000'), fc.string()).map((e) => [e]) },
        )
        .map((extra) => [...known.filter((entry): entry is [string, string] => entry !== null), ...extra]),
    );
  const schema = op.requestBody?.content['application/json'].schema;
  const body: fc.Arbitrary<FuzzRequest['body']> = schema
    ? fc.oneof(
        { weight: 12, arbitrary: fuzzValue(schema, ctx).map((value) => ({ kind: 'json' as const, value })) },
        { weight: 1, arbitrary: fc.string().map((text) => ({ kind: 'raw' as const, text: `{${text}` })) },
      )
    : fc.constant({ kind: 'none' as const });
  // Mostly as a caller the operation is for (a staff route as a seeded advisor or manager), so
  // that requests reach the services; now and then without a token, the wrong role or garbage.
  const roles = op['x-roles'] ?? ['prospect'];
  const fitting = (['prospect', 'advisor', 'manager'] as const).filter((role) => roles.includes(role));
  const isCron = (op.security ?? []).some((requirement) => 'cronSecret' in requirement);
  const callers: FuzzRequest['auth'][] = isCron ? ['cron'] : fitting.length > 0 ? fitting : ['prospect'];
  const auth = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...callers) },
    { weight: 1, arbitrary: fc.constantFrom<FuzzRequest['auth']>('none', 'other-role', 'garbage') },
  );
  return fc.record({ auth, path, query, body });
}

/**
 * Every uuid in a JSON value, for later requests to use, by kind: the `id` of an object reached
 * as `courses[]` or `course` is a `course` id; a `courseId` field holds one too.
 */
function collectIds(value: unknown, into: Map<string, Set<string>>, kind = ''): void {
  if (typeof value === 'string') {
    if (!UUID.test(value)) return;
    for (const k of new Set(['', kind])) into.set(k, (into.get(k) ?? new Set()).add(value));
  } else if (Array.isArray(value)) {
    for (const item of value) collectIds(item, into, kind);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      collectIds(item, into, key === 'id' ? kind : (idKindOf(key) ?? key.replace(/s$/, '')));
    }
  }
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  const ids = new Map<string, Set<string>>();
  const staffIds = { manager: '', advisor: '' };
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  // ajv-formats is CommonJS; under NodeNext its default export is the module, whose `default` is the plugin.
  (formats as unknown as { default: (ajv: Ajv2020) => void }).default(ajv);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoInstitution(t.db, { now: t.clock.now(), nodeEnv: t.env.NODE_ENV });
    const staff = await t.db.select({ id: advisors.id, openid: advisors.openid }).from(advisors);
    staffIds.manager = staff.find((s) => s.openid === DEMO_STAFF_OPENIDS.manager)?.id ?? '';
    staffIds.advisor = staff.find((s) => s.openid === DEMO_STAFF_OPENIDS.advisors[0])?.id ?? '';
    doc = (await t.request<Document>('/api/openapi.json')).body;
    ajv.addSchema({ $id: 'openapi.json', components: doc.components } as object);
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      METHODS.flatMap((method) => (ops[method] ? [{ method, path, op: ops[method] }] : [])),
    );

  it('answers every generated request as documented: no 5xx, 4xx in the envelope, 2xx matching the schema', {
    timeout: 300_000,
  }, async () => {
    const counts: Record<string, number> = {};
    const samples = new Map<string, string>();
    expect(operations().length).toBeGreaterThan(15);
    for (const { method, path, op } of operations()) {
      // A fresh registered prospect per operation: DELETE /api/me erases its own.
      const me = await logInAs(t, `fuzz${Object.keys(counts).length}x${Date.now() % 100000}`);
      await registerThroughApi(t, me.token);
      const otherRole = await signTestToken(t, { role: 'advisor' });
      // A transfer may have deactivated a demo staff member: each operation starts with them at work.
      await t.db.update(advisors).set({ isActive: true, deactivatedAt: null });
      const ctx: ArbitraryContext = {
        knownIds: (kind = '') => [
          ...(ids.get(kind) ?? []),
          // The staff lead list answers `items`: those are leads.
          ...(kind === 'lead' ? (ids.get('item') ?? []) : []),
          ...(kind === '' || kind === 'lead' ? [me.leadId] : []),
        ],
        now: () => t.clock.now(),
      };
      const validators = new Map<string, ReturnType<typeof ajv.compile>>();
      const validatorFor = (status: string, schema: JsonSchema) => {
        const key = `${method} ${path} ${status}`;
        if (!validators.has(key)) {
          // Response schemas point at shared components (`#/components/schemas/…`): resolve them
          // against the document registered above.
          const text = JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/');
          validators.set(key, ajv.compile(JSON.parse(text)));
        }
        return validators.get(key) as ReturnType<typeof ajv.compile>;
      };

      await fc.assert(
        fc.asyncProperty(requestArbitrary(path, op, ctx), async (req) => {
          const url = new URL(
            `http://app${path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(req.path[name] ?? ''))}`,
          );
          for (const [name, value] of req.query) url.searchParams.append(name, value);
          // Signed per request, so that the clock can move on past a token's two hours.
          const prospect = await signTestToken(t, { role: 'prospect', subject: me.leadId });
          const staffToken = async (role: 'advisor' | 'manager') => signTestToken(t, { role, subject: staffIds[role] });
          const token = {
            none: undefined,
            prospect,
            advisor: req.auth === 'advisor' ? await staffToken('advisor') : undefined,
            manager: req.auth === 'manager' ? await staffToken('manager') : undefined,
            cron: t.env.CRON_SECRET,
            'other-role': otherRole,
            garbage: 'x.y.z',
          }[req.auth];
          // Four requests a minute per client: the per-minute limits let most of them through.
          t.clock.advance(15_000);
          const res = await t.request(`${url.pathname}${url.search}`, {
            method: method.toUpperCase() as 'GET',
            ...(token ? { token } : {}),
            ...(req.body.kind === 'json' ? { json: req.body.value } : {}),
            ...(req.body.kind === 'raw'
              ? { body: req.body.text, headers: { 'content-type': 'application/json' } }
              : {}),
          });
          const where = `${method.toUpperCase()} ${url.pathname}${url.search} (${req.auth}) → ${res.status} ${res.text.slice(0, 300)}`;
          const status = String(res.status);
          const tally = `${method.toUpperCase()} ${path} ${status}`;
          counts[tally] = (counts[tally] ?? 0) + 1;
          if (process.env.FUZZ_SAMPLES && !samples.has(tally)) samples.set(tally, res.text.slice(0, 200));
          if (res.status >= 500) throw new Error(`5xx: ${where}`);
          if (!(status in op.responses)) throw new Error(`undocumented status: ${where}`);
          if (res.status >= 400) {
            if (!errorEnvelopeSchema.safeParse(res.body).success) throw new Error(`not the error envelope: ${where}`);
            return;
          }
          collectIds(res.body, ids);
          // A non-JSON answer (a CSV export) is checked by its route's own tests.
          const schema = op.responses[status]?.content?.['application/json']?.schema;
          if (schema) {
            const validate = validatorFor(status, schema);
            if (!validate(res.body))
              throw new Error(`2xx off its schema: ${where}\n${ajv.errorsText(validate.errors)}`);
          }
        }),
        { numRuns: RUNS, verbose: 1 },
      );
      // Windows of the rate limits pass between operations, as they would between real clients.
      t.clock.advance(61_000);
    }
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(RUNS * operations().length);
    console.info(
      `fuzz: ${total} requests\n${Object.entries(counts)
        .sort()
        .map(([k, n]) => `  ${k}: ${n} ${samples.get(k) ?? ''}`)
        .join('\n')}`,
    );
    // The requests must get past validation into the services, not only bounce off it. Staff
    // actions that need a lead in one exact state (an advisor's own unaccepted lead, a booking of
    // it) are rarely hit by generated ids; their route tests cover those states, hence not more.
    const reachedHandler = new Set(
      Object.keys(counts)
        .filter((tally) => /\s2\d\d$/.test(tally))
        .map((tally) => tally.replace(/\s\d+$/, '')),
    );
    expect(reachedHandler.size).toBeGreaterThan(operations().length * 0.6);
  });
});
