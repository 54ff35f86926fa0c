import { randomUUID } from 'node:crypto';
import type { ExportMyDataResponse, GetMeResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  expectAccessRules,
  expectError,
  logInAs,
  registerThroughApi,
} from '../../../tests/helpers/index.js';
import { leads, messageOutbox, subscriptions, touchpoints } from '../../db/schema/index.js';

async function registeredProspect() {
  const t = await createTestApp();
  const name = `m${randomUUID().slice(0, 8)}`;
  const me = await logInAs(t, name);
  await registerThroughApi(t, me.token);
  return { t, me, name };
}

describe('/api/me', () => {
  it('GET shows only my lead, with the masked phone and no sales language (score, stages)', async () => {
    const { t, me } = await registeredProspect();
    const other = await logInAs(t, `o${randomUUID().slice(0, 8)}`);
    const mine = await t.request<GetMeResponse>('/api/me', { token: me.token });
    expect(mine.body.lead).toMatchObject({ id: me.leadId, phoneMasked: '139****5678', isRegistered: true });
    expect(JSON.stringify(mine.body)).not.toContain('13912345678');
    // SPEC §4, issue 9 §6: a prospect never sees the institution's view of them.
    for (const key of ['score', 'lifecycleStage', 'journeyStage', 'breakdown']) {
      expect(JSON.stringify(mine.body)).not.toContain(`"${key}"`);
    }
    const theirs = await t.request<GetMeResponse>('/api/me', { token: other.token });
    expect(theirs.body.lead).toMatchObject({ id: other.leadId, isRegistered: false, name: null, phoneMasked: null });
  });

  it('GET says whether I enrolled (customer or advocate), for the referral card, without naming a stage', async () => {
    const { t, me } = await registeredProspect();
    const isEnrolled = async () =>
      (await t.request<GetMeResponse>('/api/me', { token: me.token })).body.lead.isEnrolled;
    expect(await isEnrolled()).toBe(false);
    for (const [stage, expected] of [
      ['opportunity', false],
      ['customer', true],
      ['advocate', true],
    ] as const) {
      await t.db.update(leads).set({ lifecycleStage: stage }).where(eq(leads.id, me.leadId));
      expect(await isEnrolled()).toBe(expected);
    }
  });

  it('export holds my data and history, including the full phone', async () => {
    const { t, me } = await registeredProspect();
    const res = await t.request<ExportMyDataResponse>('/api/me/export', { token: me.token });
    expect(res.status).toBe(200);
    expect(res.body.lead).toMatchObject({ phone: '13912345678', consentPolicyVersion: '2026-11' });
    expect(res.body.touchpoints.map((e) => e.type)).toContain('registration');
    expect(res.body.stageTransitions[0]).toMatchObject({ model: 'lifecycle', fromStage: null, toStage: 'awareness' });
    const other = await logInAs(t, `x${randomUUID().slice(0, 8)}`);
    const theirs = await t.request<ExportMyDataResponse>('/api/me/export', { token: other.token });
    expect(theirs.body).toMatchObject({ lead: { id: other.leadId, phone: null }, touchpoints: [] });
  });

  it('DELETE erases personal data, keeps anonymous history, and a new login starts afresh', async () => {
    const { t, me, name } = await registeredProspect();
    await t.db.insert(subscriptions).values({ leadId: me.leadId, templateId: 'tpl-welcome', grantedCount: 1 });
    await t.db.insert(messageOutbox).values({
      campaignId: 'welcome',
      stepId: 'day-1',
      leadId: me.leadId,
      templateId: 'tpl-welcome',
      payload: { data: { name: { value: '李华' } } },
      scheduledAt: t.clock.now(),
    });
    const res = await t.request('/api/me', { method: 'DELETE', token: me.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ erasedAt: t.clock.now().toISOString() });
    const [row] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    expect(row).toMatchObject({
      name: null,
      phone: null,
      openid: null,
      city: null,
      courseInterest: null,
      role: 'unknown',
      gradeBand: 'unknown',
      timeline: 'unknown',
      campusReach: 'unknown',
    });
    expect(await t.db.select().from(subscriptions)).toHaveLength(0);
    expect(await t.db.select().from(messageOutbox)).toMatchObject([{ status: 'skipped', payload: {} }]);
    expect(row?.erasedAt).not.toBeNull();
    expect((await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, me.leadId))).length).toBeGreaterThan(0);
    // The token is still signed and unexpired, but the lead it names is gone: nothing opens.
    for (const [method, path] of [
      ['GET', '/api/me'],
      ['GET', '/api/me/export'],
      ['GET', '/api/me/bookings'],
      ['GET', '/api/me/downloads'],
      ['GET', '/api/me/subscriptions'],
      ['DELETE', '/api/me'],
    ] as const) {
      expectError(await t.request(path, { method, token: me.token }), 401, 'unauthenticated');
    }
    const [after] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    expect(after?.updatedAt).toEqual(row?.updatedAt);

    const fresh = await logInAs(t, name); // the same WeChat user, with a new login code
    expect(fresh.leadId).not.toBe(me.leadId);
    const [newRow] = await t.db.select().from(leads).where(eq(leads.id, fresh.leadId));
    expect(newRow).toMatchObject({ openid: `o_${name}`, name: null, referrerLeadId: null });
  });

  it.each([
    ['GET', '/api/me'],
    ['GET', '/api/me/export'],
    ['DELETE', '/api/me'],
  ] as const)('%s %s accepts only a valid prospect token', async (method, path) => {
    const t = await createTestApp();
    const me = await logInAs(t, `a${randomUUID().slice(0, 8)}`);
    await expectAccessRules(t, (token) => t.request(path, { method, token }), {
      allowed: ['prospect'],
      subject: me.leadId,
    });
    const [row] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    expect(row?.erasedAt).toBeNull();
  });
});
