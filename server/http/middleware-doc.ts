/**
 * Self-describing middleware (issue 8 item 8, ADR 008): a middleware that can answer on its own
 * (401, 403, 429, …) carries what it can answer and what it needs from the caller, and the OpenAPI
 * document is built from that, so the documented errors of a route follow from the middleware it
 * actually uses and cannot drift from it. `requireAuth(...)`, `optionalAuth` and `rateLimit(...)`
 * are described; a middleware without a description documents nothing (the fuzz suite then fails
 * on any status it answers that the document does not list).
 */
import type { AuthRole, ErrorCode } from '@scrm/shared';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';

export interface MiddlewareDoc {
  /** Error codes the middleware itself can answer with. */
  errors: readonly ErrorCode[];
  /**
   * The bearer token it reads: `required` (with the roles allowed) or `optional` (a token makes
   * the answer personal; without one the route still answers).
   */
  auth?:
    | { required: true; roles: readonly AuthRole[] }
    | { required: false }
    /** The scheduler's shared secret (`CRON_SECRET`), not a session token. */
    | { required: true; cron: true };
  /** Response headers that come with its errors, e.g. `Retry-After` on a 429. */
  errorHeaders?: Partial<Record<ErrorCode, Record<string, { description: string; schema: Record<string, unknown> }>>>;
}

const DOC = Symbol.for('scrm.middleware-doc');

export type DescribedMiddleware = MiddlewareHandler<AppEnv> & { readonly [DOC]: MiddlewareDoc };

/** Attaches `doc` to `middleware` (and returns it, for use inline). */
export function describeMiddleware(middleware: MiddlewareHandler<AppEnv>, doc: MiddlewareDoc): DescribedMiddleware {
  return Object.assign(middleware, { [DOC]: doc });
}

/** What a middleware says about itself, if anything. */
export function readMiddlewareDoc(middleware: MiddlewareHandler<AppEnv>): MiddlewareDoc | undefined {
  return (middleware as Partial<DescribedMiddleware>)[DOC];
}
