/**
 * Session tokens (issue 4 item 5): a signed, short-lived JWT (HS256, `AUTH_SECRET`) carrying the
 * lead or staff id and a role. Short-lived because a mini-program can always log in again
 * silently with `wx.login`; nothing needs a refresh token.
 */
import { AUTH_ROLES, type AuthRole } from '@scrm/shared';
import { sign, verify } from 'hono/jwt';
import { z } from 'zod';

export const SESSION_TTL_MS = 2 * 3600 * 1000;

export interface Principal {
  /** The lead id for a prospect; the advisor id for staff. */
  subject: string;
  role: AuthRole;
}

/**
 * The claims a valid token must carry. A good signature is not enough: the subject goes straight
 * into uuid queries, so a subject that is not a UUID is refused here as an invalid token (401)
 * instead of failing in the database (issue 8 item 2: it was a 500 on every protected route).
 */
const claimsSchema = z.object({
  sub: z.uuid(),
  role: z.enum(AUTH_ROLES),
  exp: z.number().int(),
  iat: z.number().int(),
});

export async function signSessionToken(
  secret: string,
  principal: Principal,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((iat + SESSION_TTL_MS / 1000) * 1000);
  const token = await sign(
    { sub: principal.subject, role: principal.role, iat, exp: Math.floor(expiresAt.getTime() / 1000) },
    secret,
    'HS256',
  );
  return { token, expiresAt };
}

/** The principal of a valid token at `now`; `null` for a bad signature, an expired or malformed token. */
export async function verifySessionToken(secret: string, token: string, now: Date): Promise<Principal | null> {
  try {
    // Expiry is checked against the app's clock below, not the process clock inside `verify`.
    const payload = await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success || claims.data.exp * 1000 <= now.getTime()) return null;
    return { subject: claims.data.sub, role: claims.data.role };
  } catch {
    return null;
  }
}
