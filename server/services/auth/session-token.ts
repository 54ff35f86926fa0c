/**
 * Session tokens (issue 4 item 5): a signed, short-lived JWT (HS256, `AUTH_SECRET`) carrying the
 * lead or staff id and a role. Short-lived because a mini-program can always log in again
 * silently with `wx.login`; nothing needs a refresh token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AUTH_ROLES, type AuthRole } from '@scrm/shared';
import { sign } from 'hono/jwt';
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
  const payload = verifyHs256(secret, token);
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success || claims.data.exp * 1000 <= now.getTime()) return null;
  return { subject: claims.data.sub, role: claims.data.role };
}

const headerSchema = z.object({ alg: z.literal('HS256') });

/**
 * The payload of a compact JWS signed with HMAC-SHA-256 under `secret`, or `null`. Written here
 * rather than taken from `hono/jwt` (which still signs): its `verify` goes through WebCrypto,
 * importing the key on every call and hopping to the thread pool for each HMAC, which was 5–7% of
 * the server's CPU per touchpoint batch (issue 12). This is the same primitive called
 * synchronously, and it accepts only what `signSessionToken` makes: the header must name HS256
 * (so `none` or an asymmetric algorithm is refused) and the signature is compared in constant time.
 */
function verifyHs256(secret: string, token: string): unknown {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    if (!headerSchema.safeParse(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).success) return null;
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
