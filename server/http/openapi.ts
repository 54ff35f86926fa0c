/**
 * The OpenAPI 3.1 document, generated from the route definitions (never written by hand): each
 * route's zod schemas become JSON Schema with zod 4's `z.toJSONSchema` (request schemas as their
 * input type, responses as their output type). Served at `GET /api/openapi.json`.
 *
 * The error answers and the security requirement of an operation are derived from what the route
 * actually runs (issue 8 item 8, ADR 008): the steps every route has, the request schemas it
 * validates, the self-describing middleware it uses (`middleware-doc.ts`), plus the codes its
 * handler declares in `errors`. `documentedErrors` is that derivation; the tests lint the document
 * with Redocly's recommended rules and fuzz every operation against it.
 */
import { ERROR_STATUS, type ErrorCode, errorEnvelopeSchema } from '@scrm/shared';
import { z } from 'zod';
import { type MiddlewareDoc, readMiddlewareDoc } from './middleware-doc.js';
import type { AnyRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

/** The scheme of the cron routes: the deployment's `CRON_SECRET`, as Vercel Cron sends it. */
const CRON_SCHEME = 'cronSecret';

/** The name of the bearer scheme in `components.securitySchemes`. */
export const BEARER_SCHEME = 'bearerAuth';

/**
 * What the steps around every route can answer, whatever the route (`app.ts`, `route.ts`):
 * unstorable text in any parameter → 400; a body over the limit → 413 (methods that carry a
 * body); an unexpected failure → 500. A route's own steps add theirs in `documentedErrors`.
 */
export const PLATFORM_ERRORS = {
  /** `refuseUnstorableText`, on every route (query parameters exist on every route). */
  everyRoute: ['validation_failed', 'internal'],
  /** `limitBodySize`: hono reads no body on GET (nor HEAD). */
  routeWithBodyMethod: ['payload_too_large'],
  /** `validate('json', …)`: malformed JSON → 400 `bad_request`, a schema failure → 400. */
  jsonBody: ['bad_request', 'validation_failed'],
  /** `validate('param' | 'query', …)`. */
  paramsOrQuery: ['validation_failed'],
} as const satisfies Record<string, readonly ErrorCode[]>;

/**
 * Codes that only a middleware produces: a route may declare them only when it uses that
 * middleware (the test of the route list checks it), so the document cannot claim a 401 on a route
 * without authentication, or miss one on a route with it.
 */
export const MIDDLEWARE_ONLY_CODES: readonly ErrorCode[] = ['unauthenticated', 'payload_too_large'];

const middlewareDocs = (route: AnyRoute): MiddlewareDoc[] =>
  (route.middleware ?? []).flatMap((m) => readMiddlewareDoc(m) ?? []);

/** The error codes a route can answer with, derived as described at the top of this file. */
export function documentedErrors(route: AnyRoute): ErrorCode[] {
  const fromSteps: ErrorCode[] = [
    ...PLATFORM_ERRORS.everyRoute,
    ...(route.method === 'get' ? [] : PLATFORM_ERRORS.routeWithBodyMethod),
    ...(route.request?.json ? PLATFORM_ERRORS.jsonBody : []),
    ...(route.request?.params || route.request?.query ? PLATFORM_ERRORS.paramsOrQuery : []),
    ...middlewareDocs(route).flatMap((doc) => doc.errors),
  ];
  const declared = (route.errors ?? []).filter(
    (code) => !MIDDLEWARE_ONLY_CODES.includes(code) || fromSteps.includes(code),
  );
  return [...new Set([...fromSteps, ...declared])];
}

/** `[{}]`-style requirement: required bearer, optional bearer, or public (`[]`). */
function securityOf(route: AnyRoute) {
  const auth = middlewareDocs(route).find((doc) => doc.auth)?.auth;
  if (!auth) return { security: [] };
  const bearer = { [BEARER_SCHEME]: [] };
  // OpenAPI 3.1 §4.8.10: an empty requirement object makes the security optional.
  if (!auth.required) return { security: [{}, bearer] };
  if ('cron' in auth) return { security: [{ [CRON_SCHEME]: [] }] };
  return { security: [bearer], 'x-roles': auth.roles };
}

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** `/bookings/:id` → `/api/bookings/{id}`. */
const toOpenApiPath = (path: string) => `/api${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

function errorResponses(route: AnyRoute) {
  const headers = Object.assign({}, ...middlewareDocs(route).map((doc) => doc.errorHeaders ?? {})) as NonNullable<
    MiddlewareDoc['errorHeaders']
  >;
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of documentedErrors(route)) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => {
      const codeHeaders = Object.assign({}, ...codes.map((code) => headers[code] ?? {}));
      return [
        String(status),
        {
          description: codes.join(', '),
          ...(Object.keys(codeHeaders).length > 0 ? { headers: codeHeaders } : {}),
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
        },
      ];
    }),
  );
}

function operation(route: AnyRoute) {
  return {
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.tags ? { tags: route.tags } : {}),
    ...securityOf(route),
    parameters: [...parameters(route.request?.params, 'path'), ...parameters(route.request?.query, 'query')],
    ...(route.request?.json
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(route.request.json, 'input') } },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        [route.status ?? 200].flat().map((status) => [
          String(status),
          {
            description: 'OK',
            content: { [route.contentType ?? 'application/json']: { schema: toSchema(route.response, 'output') } },
          },
        ]),
      ),
      ...errorResponses(route),
    },
  };
}

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

export function buildOpenApiDocument(routes: readonly AnyRoute[], info: OpenApiInfo) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info,
    // Relative to where the document is served (OpenAPI 3.1 §4.8.5): the same deployment, whose
    // paths all start with /api.
    servers: [{ url: '/', description: 'The deployment serving this document' }],
    paths,
    components: {
      schemas: { ErrorEnvelope: toSchema(errorEnvelopeSchema, 'output') },
      securitySchemes: {
        [BEARER_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The session token from POST /api/auth/login, sent as `Authorization: Bearer <token>`; it expires after two hours (log in again).',
        },
        [CRON_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          description: "The scheduler's secret, `Authorization: Bearer $CRON_SECRET` (Vercel Cron sends it).",
        },
      },
    },
  };
}
