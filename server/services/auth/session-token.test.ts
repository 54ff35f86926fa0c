import { createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { SESSION_TTL_MS, signSessionToken, verifySessionToken } from './session-token.js';

const SECRET = 'a-test-secret-of-enough-length-0123456789';
const NOW = new Date('2026-12-03T08:00:00.000Z');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hs256 = (secret: string, input: string) => createHmac('sha256', secret).update(input).digest('base64url');

async function tokenFor(subject = randomUUID()) {
  return { subject, token: (await signSessionToken(SECRET, { subject, role: 'prospect' }, NOW)).token };
}

describe('session tokens', () => {
  it('verifies what it signed, until it expires', async () => {
    const { subject, token } = await tokenFor();
    expect(await verifySessionToken(SECRET, token, NOW)).toEqual({ subject, role: 'prospect' });
    const lastValid = new Date(NOW.getTime() + SESSION_TTL_MS - 1000);
    expect(await verifySessionToken(SECRET, token, lastValid)).not.toBeNull();
    expect(await verifySessionToken(SECRET, token, new Date(NOW.getTime() + SESSION_TTL_MS))).toBeNull();
  });

  it('accepts a token made by the signing library with the same claims', async () => {
    const sub = randomUUID();
    const iat = Math.floor(NOW.getTime() / 1000);
    const token = await sign({ sub, role: 'advisor', iat, exp: iat + 60 }, SECRET, 'HS256');
    expect(await verifySessionToken(SECRET, token, NOW)).toEqual({ subject: sub, role: 'advisor' });
  });

  it('refuses another secret, a changed payload and a changed signature', async () => {
    const { token } = await tokenFor();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(await verifySessionToken(`${SECRET}x`, token, NOW)).toBeNull();
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${b64({ ...claims, role: 'manager' })}.${signature}`;
    expect(await verifySessionToken(SECRET, forged, NOW)).toBeNull();
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BA' : 'AA');
    expect(await verifySessionToken(SECRET, `${header}.${payload}.${flipped}`, NOW)).toBeNull();
  });

  it('refuses a header naming another algorithm, even when signed with the secret', async () => {
    const iat = Math.floor(NOW.getTime() / 1000);
    const payload = b64({ sub: randomUUID(), role: 'manager', iat, exp: iat + 60 });
    for (const alg of ['none', 'HS512', 'RS256']) {
      const header = b64({ alg, typ: 'JWT' });
      expect(
        await verifySessionToken(SECRET, `${header}.${payload}.${hs256(SECRET, `${header}.${payload}`)}`, NOW),
      ).toBeNull();
    }
    expect(await verifySessionToken(SECRET, `${b64({ alg: 'none' })}.${payload}.`, NOW)).toBeNull();
  });

  it('refuses a well-signed token whose claims are not a session', async () => {
    const iat = Math.floor(NOW.getTime() / 1000);
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    for (const claims of [
      { sub: 'not-a-uuid', role: 'prospect', iat, exp: iat + 60 },
      { sub: randomUUID(), role: 'root', iat, exp: iat + 60 },
      { sub: randomUUID(), role: 'prospect', iat },
    ]) {
      const body = `${header}.${b64(claims)}`;
      expect(await verifySessionToken(SECRET, `${body}.${hs256(SECRET, body)}`, NOW)).toBeNull();
    }
    const notJson = `${header}.${Buffer.from('{oops').toString('base64url')}`;
    expect(await verifySessionToken(SECRET, `${notJson}.${hs256(SECRET, notJson)}`, NOW)).toBeNull();
  });

  it('answers null, never throws, for any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (token) => {
        expect(await verifySessionToken(SECRET, token, NOW)).toBeNull();
      }),
    );
  });
});
