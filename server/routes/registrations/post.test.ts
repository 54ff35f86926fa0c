import { randomUUID } from 'node:crypto';
import type { CreateRegistrationResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCatalog,
  expectAccessRules,
  expectError,
  logInAs,
} from '../../../tests/helpers/index.js';
import { leads, scoreLedger, stageTransitions, touchpoints } from '../../db/schema/index.js';

async function setup() {
  const t = await createTestApp();
  const catalog = await createTestCatalog(t);
  const me = await logInAs(t, `r${randomUUID().slice(0, 8)}`);
  const valid = {
    name: '王小明',
    phone: '138 0013 8000',
    role: 'parent',
    grade: 'middle',
    courseId: catalog.course.id,
    timeline: 'within_3_months',
    campusId: catalog.campus.id,
    consent: { policyVersion: '2026-11', agreedAt: t.clock.now().toISOString() },
  };
  const register = (json: unknown, token = me.token) =>
    t.request<CreateRegistrationResponse>('/api/registrations', { method: 'POST', json, token });
  return { t, me, valid, register };
}

describe('POST /api/registrations', () => {
  it('stores contact, profile and consent, records one registration and moves the lead (a target: MQL needs a considering journey stage)', async () => {
    const { t, me, valid, register } = await setup();
    const res = await register(valid);
    expect(res.status).toBe(201);
    expect(res.body.lead).toMatchObject({ isRegistered: true, name: '王小明', phoneMasked: '138****8000' });
    // What the prospect told us, never the sales view of them (SPEC §4, issue 9 §6).
    expect(Object.keys(res.body.lead).sort()).toEqual([
      'campusId',
      'courseId',
      'createdAt',
      'grade',
      'id',
      'isEnrolled',
      'isRegistered',
      'name',
      'phoneMasked',
      'role',
      'timeline',
    ]);
    const [row] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    // Parent, near a campus, within 3 months: fit 47 + registration is over the MQL score, but a
    // registration alone is an exploring lead; MQL also needs a considering or preferring journey
    // stage (issue 9 §7), so it is a target.
    expect(row).toMatchObject({
      phone: '13800138000',
      consentPolicyVersion: '2026-11',
      campusReach: 'local',
      lifecycleStage: 'target',
    });

    const moves = await t.db.select().from(stageTransitions).where(eq(stageTransitions.leadId, me.leadId));
    expect(moves.filter((m) => m.model === 'lifecycle').map((m) => m.toStage)).toEqual(
      expect.arrayContaining(['awareness', 'name', 'target']),
    );
    const ledger = await t.db.select().from(scoreLedger).where(eq(scoreLedger.leadId, me.leadId));
    expect(ledger.map((e) => e.ruleId)).toEqual(
      expect.arrayContaining(['role-parent', 'grade-k12', 'timeline-within-year', 'registration']),
    );

    const again = await register({ ...valid, timeline: 'later' });
    expect(again.status).toBe(200);
    expect(again.body.lead.timeline).toBe('later');
    const events = await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, me.leadId));
    expect(events.filter((e) => e.type === 'registration')).toHaveLength(1);
    expect(JSON.stringify([res.body, again.body])).not.toContain('13800138000');
  });

  it('notes the friend who shared the page, crediting the referral only once the lead is real', async () => {
    const { t, me, valid, register } = await setup();
    const friend = await logInAs(t, `f${randomUUID().slice(0, 8)}`);
    await register({ ...valid, referrerLeadId: friend.leadId });
    const [mine] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    expect(mine?.referrerLeadId).toBe(friend.leadId);
    // A typed number proves nothing (issue 8 item 11): see referral.test.ts for when it counts.
    expect(await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, friend.leadId))).toEqual([]);
    const [row] = await t.db.select().from(leads).where(eq(leads.id, friend.leadId));
    expect(row).toMatchObject({ name: null, phone: null }); // the referrer's own data is untouched
  });

  it.each([
    ['an unknown lead', () => randomUUID()],
    ['the prospect themself', (self: string) => self],
  ])('ignores a referrer that is %s', async (_label, referrer) => {
    const { t, me, valid, register } = await setup();
    const res = await register({ ...valid, referrerLeadId: referrer(me.leadId) });
    expect(res.status).toBe(201);
    const [row] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    expect(row?.referrerLeadId).toBeNull();
    expect((await t.db.select().from(touchpoints)).map((e) => e.type)).toEqual(['registration']);
  });

  const bad: [string, (v: Record<string, unknown>) => unknown, string][] = [
    ['no consent', ({ consent: _c, ...v }) => v, 'consent'],
    ['bad phone', (v) => ({ ...v, phone: '12345' }), 'phone'],
    ['empty name', (v) => ({ ...v, name: '  ' }), 'name'],
    ['unknown role', (v) => ({ ...v, role: 'teacher' }), 'role'],
    ['unknown timeline', (v) => ({ ...v, timeline: 'someday' }), 'timeline'],
    ['course id not a UUID', (v) => ({ ...v, courseId: 'ielts' }), 'courseId'],
    ['unknown campus', (v) => ({ ...v, campusId: randomUUID() }), 'campusId'],
    [
      'consent without a version',
      (v) => ({ ...v, consent: { agreedAt: (v.consent as { agreedAt: string }).agreedAt } }),
      'consent',
    ],
    [
      'consent dated tomorrow',
      (v) => ({ ...v, consent: { policyVersion: '2026-11', agreedAt: '2026-03-03T09:00:00Z' } }),
      'consent.agreedAt',
    ],
    ['extra field', (v) => ({ ...v, isAdmin: true }), ''],
  ];
  it.each(bad)('%s → 400 and nothing written', async (_label, change, field) => {
    const { t, me, valid, register } = await setup();
    const error = expectError(await register(change(valid)), 400, 'validation_failed');
    expect(error.message).toContain(field);
    expect(error.userMessage).toBeTruthy();
    const [row] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    expect(row).toMatchObject({ name: null, phone: null, consentAgreedAt: null });
    expect(await t.db.select().from(touchpoints)).toHaveLength(0);
  });

  it('accepts only a valid prospect token, for a lead that still exists', async () => {
    const { t, me, valid, register } = await setup();
    const send = (token: string | undefined) => t.request('/api/registrations', { method: 'POST', json: valid, token });
    await expectAccessRules(t, send, { allowed: ['prospect'], subject: me.leadId });
    expect((await t.request('/api/me', { method: 'DELETE', token: me.token })).status).toBe(200);
    expectError(await register(valid), 401, 'unauthenticated');
    const [row] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    expect(row).toMatchObject({ name: null, phone: null, consentAgreedAt: null });
    expect(await t.db.select().from(touchpoints)).toHaveLength(0);
  });
});
