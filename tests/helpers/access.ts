/**
 * The access rules every protected route shares (SPEC §4 "only the right people see data"), in one
 * helper each route test calls: no token, a malformed, forged or expired token, or a well-signed
 * token whose claims are malformed (a subject that is not a UUID, an unknown role) → 401
 * `unauthenticated`; a token of a role the route does not allow → 403 `forbidden`.
 *
 * @example
 *   await expectAccessRules(t, (token) => t.request('/api/me', { token }), { allowed: ['prospect'] });
 */
import { randomUUID } from 'node:crypto';
import { AUTH_ROLES, type AuthRole } from '@scrm/shared';
import { sign } from 'hono/jwt';
import { expect } from 'vitest';
import { SESSION_TTL_MS, signSessionToken } from '../../server/services/auth/session-token.js';
import { expectError } from './expect-error.js';
import type { TestResponse } from './request.js';
import type { TestApp } from './test-app.js';

/** A session token as the login would sign it, for any role and time (default: the app's now). */
export async function signTestToken(
  t: TestApp,
  principal: { subject?: string; role: AuthRole; at?: Date; secret?: string },
): Promise<string> {
  const { token } = await signSessionToken(
    principal.secret ?? t.env.AUTH_SECRET,
    { subject: principal.subject ?? randomUUID(), role: principal.role },
    principal.at ?? t.clock.now(),
  );
  return token;
}

/** A token signed with the app's secret whatever its claims: what a signing bug or an old token format would give. */
async function signClaims(t: TestApp, claims: Record<string, unknown>): Promise<string> {
  const iat = Math.floor(t.clock.now().getTime() / 1000);
  return sign({ iat, exp: iat + 600, ...claims }, t.env.AUTH_SECRET, 'HS256');
}

export async function expectAccessRules(
  t: TestApp,
  send: (token: string | undefined) => Promise<TestResponse>,
  options: { allowed: readonly AuthRole[]; subject?: string },
): Promise<void> {
  const { subject } = options;
  const expired = await signTestToken(t, {
    subject,
    role: options.allowed[0] ?? 'prospect',
    at: new Date(t.clock.now().getTime() - SESSION_TTL_MS - 1000),
  });
  const forged = await signTestToken(t, { subject, role: 'manager', secret: 'not-the-app-secret-0123456789abcdef' });
  const role = options.allowed[0] ?? 'prospect';
  const unauthenticated: [string, string | undefined][] = [
    ['no token', undefined],
    ['not a JWT', 'not-a-token'],
    ['forged signature', forged],
    ['expired', expired],
    // Issue 8 item 2: the signature is good, the claims are not (the subject went into a uuid query).
    ['well-signed, malformed subject', await signClaims(t, { sub: 'not-a-uuid', role })],
    ['well-signed, subject with NUL', await signClaims(t, { sub: `${randomUUID()}\u0000`, role })],
    ['well-signed, no subject', await signClaims(t, { role })],
    ['well-signed, unknown role', await signClaims(t, { sub: subject ?? randomUUID(), role: 'root' })],
  ];
  for (const [label, token] of unauthenticated) {
    const res = await send(token);
    expect({ label, status: res.status }).toEqual({ label, status: 401 });
    expectError(res, 401, 'unauthenticated');
  }
  for (const role of AUTH_ROLES.filter((r) => !options.allowed.includes(r))) {
    const res = await send(await signTestToken(t, { subject, role }));
    expect({ role, status: res.status }).toEqual({ role, status: 403 });
    expectError(res, 403, 'forbidden');
  }
}
