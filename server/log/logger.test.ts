import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp, logInAs, registerThroughApi } from '../../tests/helpers/index.js';
import { trialSessions } from '../db/schema/index.js';
import { createLogger, type LogEntry, redact } from './logger.js';

describe('redact', () => {
  it.each([
    ['a phone number in text', 'params: 13912345678,李华', 'params: [redacted],李华'],
    ['a +86 number', 'tel +8613912345678.', 'tel +[redacted].'],
    ['a bearer credential', 'Authorization: Bearer abc.def', 'Authorization: [redacted]'],
    ['a JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-_x', 'token [redacted]'],
    ['a uuid that contains digits', '0b7f3a52-3c2e-4a55-9f7e-13912345678a', '0b7f3a52-3c2e-4a55-9f7e-13912345678a'],
    ['a timestamp', '1772413200000', '1772413200000'],
  ])('redacts %s', (_label, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('redacts fields named like credentials or contact data, at any depth, and configured secrets', () => {
    const entry = {
      msg: 'x',
      nested: { authorization: 'k', sessionKey: 'k', session_key: 'k', phone: 'k', openid: 'o' },
    };
    expect(redact({ ...entry, note: 'key=super-secret-value-123' }, ['super-secret-value-123'])).toEqual({
      msg: 'x',
      nested: {
        authorization: '[redacted]',
        sessionKey: '[redacted]',
        session_key: '[redacted]',
        phone: '[redacted]',
        openid: '[redacted]',
      },
      note: 'key=[redacted]',
    });
  });

  it("redacts a failed query's parameters inside an error and its cause", () => {
    const entries: LogEntry[] = [];
    const logger = createLogger({ level: 'debug', sink: (e) => entries.push(e) });
    const cause = new Error('duplicate key value violates unique constraint');
    logger.error('unhandled error', {
      err: new Error('Failed query: insert into "leads" …\nparams: 李华,13912345678', { cause }),
    });
    const line = JSON.stringify(entries);
    expect(line).not.toContain('13912345678');
    expect(line).toContain('duplicate key value');
  });
});

// Issue 8: a whole prospect journey with the logger at debug, and every line searched.
describe('the log of a full prospect journey', () => {
  it('holds no phone number, token, AUTH_SECRET, WeChat secret or session key', async () => {
    const t = await createTestApp({ logLevel: 'debug', env: { WECHAT_SECRET: 'wechat-secret-for-the-log-test' } });
    const phone = '13912345678';
    const boundPhone = '13711112222';
    const me = await logInAs(t, `log${randomUUID().slice(0, 8)}`);
    const catalog = await registerThroughApi(t, me.token, { phone });
    const bind = await t.request('/api/auth/phone', { json: { code: `phone-${boundPhone}` }, token: me.token });
    expect(bind.status).toBe(200);
    const [session] = await t.db
      .insert(trialSessions)
      .values({
        courseId: catalog.course.id,
        campusId: catalog.campus.id,
        title: '雅思试听',
        startsAt: new Date(t.clock.now().getTime() + 3 * 86_400_000),
        capacity: 5,
      })
      .returning();
    const booked = await t.request('/api/bookings', { json: { sessionId: session?.id }, token: me.token });
    expect(booked.status).toBe(201);
    const event = {
      id: randomUUID(),
      type: 'page_view',
      occurredAt: t.clock.now().toISOString(),
      props: { page: '/' },
    };
    expect((await t.request('/api/touchpoints', { json: { events: [event] }, token: me.token })).status).toBe(200);
    const exported = await t.request('/api/me/export', { token: me.token });
    expect(exported.text).toContain(boundPhone);
    expect((await t.request('/api/me', { method: 'DELETE', token: me.token })).status).toBe(200);
    // Failures are logged too: a request that breaks (a token for the erased lead) and a bad one.
    await t.request('/api/me', { token: me.token });
    await t.request(`/api/registrations`, { json: { name: '李华', phone }, token: me.token });

    expect(t.logs.filter((entry) => entry.msg === 'request').length).toBeGreaterThanOrEqual(9);
    const lines = t.logs.map((entry) => JSON.stringify(entry));
    const secrets = {
      phone,
      boundPhone,
      token: me.token,
      tokenSignature: me.token.split('.')[2] ?? '',
      AUTH_SECRET: t.env.AUTH_SECRET,
      WECHAT_SECRET: 'wechat-secret-for-the-log-test',
      session_key: 'session_key',
      sessionKey: 'sessionKey',
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect({ name, lines: lines.filter((line) => line.includes(secret)) }).toEqual({ name, lines: [] });
    }
  });
});
