import { randomUUID } from 'node:crypto';
import type { BindPhoneResponse, ExportMyDataResponse, GetMeResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  expectAccessRules,
  expectError,
  logInAs,
  registerThroughApi,
} from '../../../tests/helpers/index.js';
import { leads } from '../../db/schema/index.js';

async function setup({ isRegistered = true } = {}) {
  const t = await createTestApp();
  const me = await logInAs(t, `p${randomUUID().slice(0, 8)}`);
  if (isRegistered)
    await registerThroughApi(t, me.token, { name: '赵敏', phone: '13911112222', role: 'parent', grade: 'middle' });
  const bind = (json: unknown, token = me.token) =>
    t.request<BindPhoneResponse>('/api/auth/phone', { method: 'POST', token, ...(json === undefined ? {} : { json }) });
  const phoneColumns = async () => {
    const [row] = await t.db
      .select({ phone: leads.phone, phoneVerifiedAt: leads.phoneVerifiedAt })
      .from(leads)
      .where(eq(leads.id, me.leadId));
    return row;
  };
  return { t, me, bind, phoneColumns };
}

describe('POST /api/auth/phone', () => {
  it('stores the number WeChat verified and answers it masked', async () => {
    const { t, me, bind, phoneColumns } = await setup();
    const res = await bind({ code: 'phone-13700001111' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ phoneMasked: '137****1111' });
    expect(await phoneColumns()).toEqual({ phone: '13700001111', phoneVerifiedAt: t.clock.now() });

    const mine = await t.request<GetMeResponse>('/api/me', { token: me.token });
    expect(mine.body.lead.phoneMasked).toBe('137****1111');
    expect(mine.text).not.toContain('13700001111');
    const exported = await t.request<ExportMyDataResponse>('/api/me/export', { token: me.token });
    expect(exported.body.lead.phone).toBe('13700001111');
  });

  it('registering again with another number drops the verification', async () => {
    const { t, me, bind, phoneColumns } = await setup();
    await bind({ code: 'phone-13911112222' });
    const [row] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    const again = await t.request('/api/registrations', {
      method: 'POST',
      token: me.token,
      json: {
        name: '赵敏',
        phone: '13933334444',
        role: 'parent',
        grade: 'middle',
        courseId: row?.courseInterest,
        timeline: 'within_1_year',
        campusId: row?.campusId,
        consent: { policyVersion: '2026-11', agreedAt: t.clock.now().toISOString() },
      },
    });
    expect(again.status).toBe(200);
    expect(await phoneColumns()).toEqual({ phone: '13933334444', phoneVerifiedAt: null });
  });

  const bad: [string, unknown, number, string | null][] = [
    ['no body', undefined, 400, null],
    ['empty code', { code: '' }, 400, null],
    ['wrong type', { code: 13700001111 }, 400, null],
    ['unknown field', { code: 'phone-13700001111', phone: '13700001111' }, 400, null],
    ['code WeChat refuses (40029)', { code: 'forged' }, 400, '手机号授权已失效，请重试'],
    ['not a mainland mobile number', { code: 'phone-12000000000' }, 400, '暂只支持中国大陆手机号'],
  ];
  it.each(bad)('%s → 4xx and the phone unchanged', async (_label, json, status, userMessage) => {
    const { bind, phoneColumns } = await setup();
    const res = await bind(json);
    expect(res.status).toBe(status);
    if (userMessage) expect(expectError(res, 400, 'bad_request').userMessage).toBe(userMessage);
    expect(await phoneColumns()).toEqual({ phone: '13911112222', phoneVerifiedAt: null });
  });

  it('needs a registration (consent) first: 403 and nothing stored', async () => {
    const { bind, phoneColumns } = await setup({ isRegistered: false });
    expectError(await bind({ code: 'phone-13700001111' }), 403, 'registration_required');
    expect(await phoneColumns()).toEqual({ phone: null, phoneVerifiedAt: null });
  });

  it('limits a lead to a few bindings a minute (each is a paid WeChat call)', async () => {
    const { bind } = await setup();
    for (let i = 0; i < 5; i += 1) expect((await bind({ code: `phone-1370000111${i}` })).status).toBe(200);
    expectError(await bind({ code: 'phone-13700001119' }), 429, 'rate_limited');
  });

  it('accepts only a valid, current prospect token', async () => {
    const { t, me, phoneColumns } = await setup();
    const send = (token: string | undefined) =>
      t.request('/api/auth/phone', { method: 'POST', token, json: { code: 'phone-13700001111' } });
    await expectAccessRules(t, send, {
      allowed: ['prospect'],
      subject: me.leadId,
    });
    expect((await phoneColumns())?.phone).toBe('13911112222');
  });
});
