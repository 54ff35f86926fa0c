/**
 * The address of the client a request came from, for per-address rate limits (issue 8 item 3,
 * ADR 007). Only what the deployment can vouch for is used:
 *
 * - `TRUSTED_PROXY=none` (a Node server facing clients, `npm start`): the TCP peer of the
 *   connection, from `@hono/node-server`'s `getConnInfo`. Forwarding headers are ignored: any
 *   client can write `X-Forwarded-For`, and trusting it let 1,000 logins through one limit.
 * - `TRUSTED_PROXY=vercel`: `x-vercel-forwarded-for`, which Vercel's edge sets to the public address
 *   of the client and does not take from the client (Vercel docs, "Request headers": it overwrites
 *   `X-Forwarded-For` to prevent spoofing; `x-vercel-forwarded-for` is its own copy, which a proxy in
 *   front of Vercel cannot overwrite). The function's socket peer there is Vercel's proxy, shared
 *   by everyone.
 *
 * When neither is known (an in-process `app.request()` in tests or the bench, which has no
 * connection), the request gets a bucket of its own (`unknown:<request id>`): lumping every such
 * request into one `unknown` bucket made the 31st login in a minute from anyone fail. Tests that
 * exercise per-address limits pass a connection address (`tests/helpers/request.ts`).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';

/** Vercel's own copy of the client address (see above). */
export const VERCEL_CLIENT_HEADER = 'x-vercel-forwarded-for';

/** The client's address as far as the deployment can vouch for it, else `undefined`. */
export function findClientAddress(c: Context<AppEnv>): string | undefined {
  if (c.var.ctx.env.TRUSTED_PROXY === 'vercel') {
    return c.req.header(VERCEL_CLIENT_HEADER)?.split(',')[0]?.trim() || undefined;
  }
  // Without Node bindings (`app.request()` in process) there is no connection to read.
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return undefined;
  return getConnInfo(c).remote.address || undefined;
}

/**
 * The rate-limit bucket name of the client: its address, or a bucket of its own per request when
 * no address is known (see above).
 */
export function clientAddress(c: Context<AppEnv>): string {
  return findClientAddress(c) ?? `unknown:${c.get('requestId')}`;
}
