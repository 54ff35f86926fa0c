import { randomUUID } from 'node:crypto';
import { createScoreState, DEFAULT_SCORING_MODEL, type LoginResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectError } from '../../../tests/helpers/index.js';
import { leads, stageTransitions } from '../../db/schema/index.js';

const uniqueName = () => `u${randomUUID().slice(0, 8)}`;

describe('POST /api/auth/login', () => {
  it('creates the lead on the first login and finds it on the next', async () => {
    const t = await createTestApp();
    const name = uniqueName();
    const first = await t.request<LoginResponse>('/api/auth/login', { method: 'POST', json: { code: `dev-${name}` } });
    expect(first.status).toBe(200);
    expect(first.body.lead).toMatchObject({ isRegistered: false, name: null, phoneMasked: null });
    expect(first.body.lead).not.toHaveProperty('lifecycleStage'); // no sales language (SPEC §4)
    expect(Date.parse(first.body.expiresAt)).toBeGreaterThan(t.clock.now().getTime());

    const second = await t.request<LoginResponse>('/api/auth/login', { method: 'POST', json: { code: `dev-${name}` } });
    // A wx.login code is single-use (40163); the next login brings a new code of the same user.
    expect(expectError(second, 400, 'bad_request').userMessage).toBe('登录凭证已使用，请重试');
    const again = await t.request<LoginResponse>('/api/auth/login', { json: { code: `dev-${name}.2` } });
    expect(again.status).toBe(200);
    expect(again.body.lead.id).toBe(first.body.lead.id);

    const rows = await t.db
      .select()
      .from(leads)
      .where(eq(leads.openid, `o_${name}`));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: first.body.lead.id,
      lifecycleStage: 'awareness',
      journeyStage: 'unaware',
      scoreState: createScoreState(DEFAULT_SCORING_MODEL),
      scoringModelVersion: DEFAULT_SCORING_MODEL.version,
    });
    const moves = await t.db.select().from(stageTransitions).where(eq(stageTransitions.leadId, first.body.lead.id));
    expect(moves).toMatchObject([{ model: 'lifecycle', fromStage: null, toStage: 'awareness', ordinal: 1 }]);
  });

  it('the token opens protected routes until it expires', async () => {
    const t = await createTestApp();
    const login = await t.request<LoginResponse>('/api/auth/login', {
      method: 'POST',
      json: { code: `dev-${uniqueName()}` },
    });
    const event = {
      id: randomUUID(),
      type: 'page_view',
      occurredAt: t.clock.now().toISOString(),
      props: { page: '/pages/index/index' },
    };
    const ok = await t.request('/api/touchpoints', {
      method: 'POST',
      token: login.body.token,
      json: { events: [event] },
    });
    expect(ok.status).toBe(200);
    t.clock.advance(3 * 3600 * 1000);
    const late = await t.request('/api/touchpoints', {
      method: 'POST',
      token: login.body.token,
      json: { events: [event] },
    });
    expect(expectError(late, 401, 'unauthenticated').userMessage).toBe('登录已过期，请重新登录');
  });

  it("gives each WeChat user their own lead and nobody else's", async () => {
    const t = await createTestApp();
    const a = await t.request<LoginResponse>('/api/auth/login', { json: { code: `dev-${uniqueName()}` } });
    const b = await t.request<LoginResponse>('/api/auth/login', { json: { code: `dev-${uniqueName()}` } });
    expect(a.body.lead.id).not.toBe(b.body.lead.id);
    expect(await t.db.select().from(leads)).toHaveLength(2);
  });

  it('explains a refused login code in Chinese (40029)', async () => {
    const t = await createTestApp();
    const res = await t.request('/api/auth/login', { json: { code: 'not-a-dev-code' } });
    expect(expectError(res, 400, 'bad_request').userMessage).toBe('登录凭证无效，请重试');
  });

  // Issue 8 item 3: the address is the connection's, never a header the client writes.
  it('limits logins per connection address (600 a minute); spoofed X-Forwarded-For values share it', async () => {
    const t = await createTestApp();
    const from = (remoteAddress: string, spoofed: string) => ({
      json: { code: '' },
      remoteAddress,
      headers: { 'x-forwarded-for': spoofed, 'x-real-ip': spoofed, 'x-vercel-forwarded-for': spoofed },
    });
    for (let i = 0; i < 600; i += 1) {
      const res = await t.request('/api/auth/login', from('203.0.113.7', `10.0.${i >> 8}.${i & 255}`));
      expect(res.status).toBe(400);
    }
    const limited = await t.request('/api/auth/login', from('203.0.113.7', '192.0.2.99'));
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another connection address is another bucket.
    expect((await t.request('/api/auth/login', from('198.51.100.1', '203.0.113.7'))).status).toBe(400);
    t.clock.advance(60_000);
    expect((await t.request('/api/auth/login', from('203.0.113.7', '203.0.113.7'))).status).toBe(400);
  });

  it('lets a seminar room log in: 100 parents on one Wi-Fi within a minute', async () => {
    const t = await createTestApp();
    const room = Array.from({ length: 100 }, () => uniqueName());
    for (const name of room) {
      const res = await t.request('/api/auth/login', { json: { code: `dev-${name}` }, remoteAddress: '203.0.113.50' });
      expect(res.status).toBe(200);
    }
    expect(await t.db.select().from(leads)).toHaveLength(100);
  });

  it('limits logins per WeChat user after code2session: 10 a minute, then 429; others unaffected', async () => {
    const t = await createTestApp();
    const name = uniqueName();
    const login = (who: string, n: number) =>
      t.request('/api/auth/login', { json: { code: `dev-${who}.${n}` }, remoteAddress: '203.0.113.8' });
    for (let n = 0; n < 10; n += 1) expect((await login(name, n)).status).toBe(200);
    const limited = await login(name, 10);
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(uniqueName(), 0)).status).toBe(200);
    t.clock.advance(60_000);
    expect((await login(name, 11)).status).toBe(200);
  });

  it.each([
    ['no body', undefined, 400],
    ['empty code', { code: '' }, 400],
    ['wrong type', { code: 42 }, 400],
    ['unknown field', { code: 'dev-x', extra: true }, 400],
    ['code WeChat refuses (40029)', { code: 'not-a-dev-code' }, 400],
  ])('%s → %i and no lead', async (_label, json, status) => {
    const t = await createTestApp();
    const res = await t.request('/api/auth/login', { method: 'POST', ...(json === undefined ? {} : { json }) });
    expect(res.status).toBe(status);
    expect(await t.db.select().from(leads)).toHaveLength(0);
  });
});
