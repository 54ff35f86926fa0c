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

  it('limits logins per IP: 30 a minute, then 429 with Retry-After; other IPs are not affected', async () => {
    const t = await createTestApp();
    const from = (ip: string) => ({ json: { code: '' }, headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 30; i += 1) expect((await t.request('/api/auth/login', from('203.0.113.7'))).status).toBe(400);
    const limited = await t.request('/api/auth/login', from('203.0.113.7'));
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.request('/api/auth/login', from('198.51.100.1'))).status).toBe(400);
    t.clock.advance(60_000);
    expect((await t.request('/api/auth/login', from('203.0.113.7'))).status).toBe(400);
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
