/**
 * One endpoint = one `defineRoute({...})` in `routes/<resource>/<action>.ts` (STYLE.md). The
 * definition is also the OpenAPI registration: method, path, summary, request and response
 * schemas. `mountRoute` validates params, query and JSON body with those schemas (a 400 envelope
 * on failure), calls the handler with typed input and the request context, and parses the
 * handler's result with the response schema before sending it (a mismatch is a 500: our bug).
 */
import type { ErrorCode } from '@scrm/shared';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AppContext, AppEnv } from '../context.js';
import { refuseUnstorableText } from './storable-text.js';
import { validate } from './validate.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type SuccessStatus = 200 | 201 | 202;

export interface RouteRequestSchemas {
  /** Path parameters, e.g. `{ id }` for `/bookings/:id`. */
  params?: z.ZodType;
  query?: z.ZodType;
  json?: z.ZodType;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What a handler receives: validated input, the request context, and hono's context for headers. */
export interface RouteInput<S extends RouteRequestSchemas> {
  ctx: AppContext;
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  json: Parsed<S['json']>;
  c: Context<AppEnv>;
}

export interface RouteDefinition<S extends RouteRequestSchemas = RouteRequestSchemas, R extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** hono path syntax relative to `/api`, e.g. `/bookings/:id`. */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  request?: S;
  response: R;
  /**
   * Success status; 200 unless the route creates something. A list means the handler picks one
   * at run time with `c.status(…)` (e.g. 201 created, 200 updated); each is documented.
   */
  status?: SuccessStatus | readonly SuccessStatus[];
  /**
   * A body that is not JSON (e.g. `text/csv; charset=utf-8`): the handler returns the text, the
   * response schema is a string schema, and the reply carries this content type.
   */
  contentType?: string;
  /**
   * Error codes the handler (its service) can answer with, for the OpenAPI document. Those of the
   * middleware, the validation and the platform steps are added from what the route uses
   * (`documentedErrors` in openapi.ts); listing them here too is harmless.
   */
  errors?: readonly ErrorCode[];
  /** Runs before validation, e.g. authentication. */
  middleware?: readonly MiddlewareHandler<AppEnv>[];
  handler: (input: RouteInput<S>) => Promise<z.input<R>> | z.input<R>;
}

/** Any route, as stored in the route list. */
// biome-ignore lint/suspicious/noExplicitAny: the list holds routes of every input type; each is checked where defined.
export type AnyRoute = RouteDefinition<any, z.ZodType>;

/** Identity with inference: gives the handler its typed input. */
export function defineRoute<S extends RouteRequestSchemas, R extends z.ZodType>(
  route: RouteDefinition<S, R>,
): RouteDefinition<S, R> {
  return route;
}

export function mountRoute(app: Hono<AppEnv>, route: AnyRoute): void {
  const { params, query, json } = route.request ?? {};
  const validators: MiddlewareHandler<AppEnv>[] = [];
  if (params) validators.push(validate('param', params));
  if (query) validators.push(validate('query', query));
  if (json) validators.push(validate('json', json));
  const handle: MiddlewareHandler<AppEnv> = async (c) => {
    // The validators above stored these; hono's types cannot follow a runtime-built chain.
    const valid = (target: 'param' | 'query' | 'json'): unknown => c.req.valid(target as never);
    const result = await route.handler({
      ctx: c.var.ctx,
      c,
      params: params ? valid('param') : undefined,
      query: query ? valid('query') : undefined,
      json: json ? valid('json') : undefined,
    });
    const body = route.response.parse(result);
    // A file download answers with the bytes its route built (routes/downloads/get.ts), not JSON.
    if (body instanceof Response) return body;
    if (route.contentType) return c.body(String(body), 200, { 'content-type': route.contentType });
    // Without a fixed status, hono answers with the one the handler set (`c.status`), else 200.
    return typeof route.status === 'number' ? c.json(body, route.status) : c.json(body);
  };
  // Unstorable text (NUL, unpaired surrogates) is refused first, for every route (issue 8 item 1).
  const handlers: MiddlewareHandler<AppEnv>[] = [
    refuseUnstorableText({ json: Boolean(json) }),
    ...(route.middleware ?? []),
    ...validators,
    handle,
  ];
  app.on(route.method.toUpperCase(), route.path, ...(handlers as [MiddlewareHandler<AppEnv>]));
}
