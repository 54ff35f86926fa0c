import { randomUUID } from 'node:crypto';
import { DEFAULT_WORKBENCH_SETTINGS, type ListStaffLeadsResponse } from '@scrm/shared';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestStaff,
  logInAs,
  registerThroughApi,
  staffPost,
  type TestApp,
} from '../../../tests/helpers/index.js';
import {
  advisors,
  institutionSettings,
  leadAssignments,
  leads,
  staffNotifications,
  stageTransitions,
  trialSessions,
} from '../../db/schema/index.js';

/** A registered prospect of a fresh campus with two advisors; and a trial session there. */
async function setup(t: TestApp) {
  const me = await logInAs(t, `p${randomUUID().slice(0, 8)}`);
  const { campus, course } = await registerThroughApi(t, me.token);
  const a1 = await createTestStaff(t, { campusIds: [campus.id], name: '张老师' });
  const a2 = await createTestStaff(t, { campusIds: [campus.id], name: '王老师' });
  const [session] = await t.db
    .insert(trialSessions)
    .values({
      courseId: course.id,
      campusId: campus.id,
      title: '试听',
      startsAt: new Date(t.clock.now().getTime() + 2 * 86_400_000),
      capacity: 10,
    })
    .returning();
  if (!session) throw new Error('no session');
  return { me, campus, course, a1, a2, session };
}

const book = (t: TestApp, token: string, sessionId: string) =>
  t.request('/api/bookings', { method: 'POST', token, json: { sessionId } });

const leadRow = async (t: TestApp, id: string) => (await t.db.select().from(leads).where(eq(leads.id, id)))[0];

describe('routing wired into the signal path (issue 9 §2)', () => {
  it('a registration alone waits in the pool; the trial booking (high intent) goes to an advisor with an SLA and a stage move', async () => {
    const t = await createTestApp();
    const { me, a1, a2, session } = await setup(t);
    expect(await leadRow(t, me.leadId)).toMatchObject({ ownerAdvisorId: null, slaDueAt: null });

    expect((await book(t, me.token, session.id)).status).toBe(201);
    const lead = await leadRow(t, me.leadId);
    expect([a1.id, a2.id]).toContain(lead?.ownerAdvisorId);
    expect(lead).toMatchObject({ lifecycleStage: 'mql', ownerAcceptedAt: null });
    // Monday 09:00 Shanghai + 4 working hours (09:00–21:00 every day) = 13:00 Shanghai.
    expect(lead?.slaDueAt?.toISOString()).toBe('2026-03-02T05:00:00.000Z');
    const periods = await t.db.select().from(leadAssignments).where(eq(leadAssignments.leadId, me.leadId));
    expect(periods).toMatchObject([
      { advisorId: lead?.ownerAdvisorId, kind: 'routed', reason: 'high_intent', endedAt: null },
    ]);
    // Registration alone was a target (exploring); the booking made it MQL in the same transaction.
    const moves = await t.db.select().from(stageTransitions).where(eq(stageTransitions.leadId, me.leadId));
    expect(moves.filter((m) => m.model === 'lifecycle').map((m) => m.toStage)).toEqual([
      'awareness',
      'name',
      'target',
      'mql',
    ]);

    // The advisor sees it at the top of 我的, masked.
    const owner = lead?.ownerAdvisorId === a1.id ? a1 : a2;
    const mine = await t.request<ListStaffLeadsResponse>('/api/staff/leads?view=mine', { token: owner.token });
    expect(mine.body.items[0]).toMatchObject({ id: me.leadId, phoneMasked: '139****5678', stageCode: 'MQL-01' });
  });

  it('round-robin: two high-intent leads of one campus go to two advisors', async () => {
    const t = await createTestApp();
    const { me, campus, course, a1, a2, session } = await setup(t);
    const other = await logInAs(t, `q${randomUUID().slice(0, 8)}`);
    await registerThroughApi(t, other.token, { phone: '13812345678' });
    // registerThroughApi made a second catalogue: move the second lead to the first campus.
    await t.db.update(leads).set({ campusId: campus.id, courseInterest: course.id }).where(eq(leads.id, other.leadId));
    await book(t, me.token, session.id);
    await book(t, other.token, session.id);
    const owners = [(await leadRow(t, me.leadId))?.ownerAdvisorId, (await leadRow(t, other.leadId))?.ownerAdvisorId];
    expect(owners.sort()).toEqual([a1.id, a2.id].sort());
  });

  it('two triggers at once assign the lead once', async () => {
    const t = await createTestApp();
    const { me } = await setup(t);
    const consult = () => ({
      id: randomUUID(),
      type: 'consultation_request',
      occurredAt: t.clock.now().toISOString(),
      props: {},
    });
    const replies = await Promise.all(
      [0, 1, 2, 3].map(() =>
        t.request('/api/touchpoints', { method: 'POST', token: me.token, json: { events: [consult()] } }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const periods = await t.db.select().from(leadAssignments).where(eq(leadAssignments.leadId, me.leadId));
    expect(periods).toHaveLength(1);
  });

  it('a lead nobody has room for waits in the pool', async () => {
    const t = await createTestApp();
    const { me, a1, a2, session } = await setup(t);
    await t.db
      .update(advisors)
      .set({ capacity: 0 })
      .where(inArray(advisors.id, [a1.id, a2.id]));
    await book(t, me.token, session.id);
    // Over the MQL score and preferring: an MQL in the pool, with nobody's SLA running.
    expect(await leadRow(t, me.leadId)).toMatchObject({ ownerAdvisorId: null, lifecycleStage: 'mql', slaDueAt: null });
    expect(await t.db.select().from(leadAssignments)).toEqual([]);
  });

  it('a returned lead that asks again goes to the other advisor, never back to the one who returned it', async () => {
    const t = await createTestApp();
    const { me, a1, a2, session } = await setup(t);
    await book(t, me.token, session.id);
    const first = (await leadRow(t, me.leadId))?.ownerAdvisorId;
    const holder = first === a1.id ? a1 : a2;
    const other = first === a1.id ? a2 : a1;
    expect((await staffPost(t, holder, `/api/staff/leads/${me.leadId}/return`, { reason: 'unreachable' })).status).toBe(
      200,
    );
    t.clock.advance(3_600_000);
    for (let i = 0; i < 2; i++) {
      const event = {
        id: randomUUID(),
        type: 'consultation_request',
        occurredAt: t.clock.now().toISOString(),
        props: {},
      };
      await t.request('/api/touchpoints', { method: 'POST', token: me.token, json: { events: [event] } });
    }
    expect((await leadRow(t, me.leadId))?.ownerAdvisorId).toBe(other.id);
  });

  it('notifies the advisor with a subscribe message when they hold a grant for the new-lead template', async () => {
    const t = await createTestApp();
    const { me, a1, a2, session } = await setup(t);
    const settings = { ...DEFAULT_WORKBENCH_SETTINGS, newLeadTemplateId: 'tpl-trial-reminder' };
    await t.db.insert(institutionSettings).values({ id: 'default', document: settings, updatedAt: t.clock.now() });
    // Both advisors accept the template in the mini-program, as prospects (their own leads).
    for (const advisor of [a1, a2]) {
      const login = await logInAs(t, advisor.openid.slice(2));
      const accept = {
        id: randomUUID(),
        type: 'subscribe_accept',
        occurredAt: t.clock.now().toISOString(),
        props: { templateId: 'tpl-trial-reminder' },
      };
      await t.request('/api/touchpoints', { method: 'POST', token: login.token, json: { events: [accept] } });
      await t.wechat.grant(advisor.openid, 'tpl-trial-reminder');
    }
    await book(t, me.token, session.id);
    const [note] = await t.db.select().from(staffNotifications).where(eq(staffNotifications.leadId, me.leadId));
    expect(note).toMatchObject({ status: 'sent', templateId: 'tpl-trial-reminder' });
    const owner = (await leadRow(t, me.leadId))?.ownerAdvisorId === a1.id ? a1 : a2;
    const sent = (await t.wechat.messages()).filter((m) => m.touser === owner.openid);
    expect(sent.at(-1)).toMatchObject({ template_id: 'tpl-trial-reminder', data: { thing1: { value: '李华' } } });
  });
});
