/**
 * Authentication middleware: `Authorization: Bearer <token>` → the principal in `c.var.principal`
 * (SPEC §4 "only the right people see data"). 401 without a valid token, 403 for a role the route
 * does not allow. `optionalAuth` reads a valid token when present and ignores a missing one.
 * Both describe themselves (`middleware-doc.ts`): the OpenAPI document's security requirement and
 * its 401/403 answers come from them.
 *
 * @example middleware: [requireAuth('prospect')]
 */
import { AUTH_ROLES, type AuthRole } from '@scrm/shared';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import { type Principal, verifySessionToken } from '../services/auth/session-token.js';
import { AppError } from './app-error.js';
import { describeMiddleware } from './middleware-doc.js';

async function readPrincipal(c: Context<AppEnv>): Promise<Principal | null | 'missing'> {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) return 'missing';
  const { ctx } = c.var;
  return verifySessionToken(ctx.env.AUTH_SECRET, match[1], ctx.now());
}

export const requireAuth = (...roles: AuthRole[]) =>
  describeMiddleware(
    createMiddleware<AppEnv>(async (c, next) => {
      const principal = await readPrincipal(c);
      if (principal === 'missing') {
        throw new AppError('unauthenticated', 'Missing bearer token', { userMessage: '请先登录' });
      }
      if (!principal)
        throw new AppError('unauthenticated', 'Invalid or expired token', { userMessage: '登录已过期，请重新登录' });
      if (!roles.includes(principal.role))
        throw new AppError('forbidden', `Role ${principal.role} may not call this route`);
      c.set('principal', principal);
      await next();
    }),
    {
      // 403 only when some role is left out; every role allowed means any valid token passes.
      errors: AUTH_ROLES.every((role) => roles.includes(role)) ? ['unauthenticated'] : ['unauthenticated', 'forbidden'],
      auth: { required: true, roles },
    },
  );

export const optionalAuth = describeMiddleware(
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = await readPrincipal(c);
    if (principal && principal !== 'missing') c.set('principal', principal);
    await next();
  }),
  { errors: [], auth: { required: false } },
);

/** The principal a `requireAuth` middleware put there; a route without one is a programming error. */
export function getPrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new Error('getPrincipal on a route without requireAuth');
  return principal;
}
