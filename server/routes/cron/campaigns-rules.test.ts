import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  buildTestCampaign,
  createTestApp,
  createTestCampaign,
  createTestCampus,
  createTestStaff,
  createWorkbenchLead,
  logInAs,
  runCampaignCron,
  staffPost,
  TEST_TEMPLATE_ID,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { campaignMembers, leads, messageOutbox, subscriptions, touchpoints } from '../../db/schema/index.js';
import { recordLeadSignals } from '../../services/leads/record-lead-signals.js';
import { createStandInControl } from '../../wechat/stand-in/stand-in-control.js';

const DAY_MS = 86_400_000;
const QUIET_22H = '2026-03-02T14:00:00.000Z'; // 22:00 in Shanghai
const MORNING = '2026-03-02T01:00:00.000Z'; // 09:00 in Shanghai

/** A prospect logged in through the stand-in, tagged for the test's campaign, with `grants` accepted. */
async function prospect(t: TestApp, tag: string, grants = 1) {
  const me = await logInAs(t, `p${randomUUID().slice(0, 8)}`);
  await t.db
    .update(leads)
    .set({ tags: [tag] })
    .where(eq(leads.id, me.leadId));
  if (grants > 0) {
    const events = Array.from({ length: grants }, () => ({
      id: randomUUID(),
      type: 'subscribe_accept',
      occurredAt: t.clock.now().toISOString(),
      props: { templateId: TEST_TEMPLATE_ID, scene: 'me' },
    }));
    const res = await t.request('/api/touchpoints', { method: 'POST', token: me.token, json: { events } });
    expect(res.status).toBe(200);
    await t.wechat.grant(me.openid, TEST_TEMPLATE_ID, grants);
  }
  return me;
}

const outboxOf = (t: TestApp, leadId: string) =>
  t.db.select().from(messageOutbox).where(eq(messageOutbox.leadId, leadId)).orderBy(messageOutbox.createdAt);

const twoSteps = (tag: string) =>
  buildTestCampaign(tag, {
    steps: [
      ...buildTestCampaign(tag).steps,
      {
        id: 'again',
        label: '第二天再提醒',
        timing: { anchor: 'entry', offsetMinutes: 24 * 60 },
        message: {
          template: 'course_update',
          fields: { thing1: '免费试听课', thing2: '名额不多，欢迎预约', phrase3: '可预约' },
          link: 'trial',
        },
      },
    ],
  });

describe('the campaign runner honours the send rules and exits', () => {
  it('plans during quiet hours and sends at 08:30 the next morning, not before', async () => {
    const t = await createTestApp({ now: QUIET_22H });
    const tag = `q-${randomUUID().slice(0, 6)}`;
    const me = await prospect(t, tag);
    await createTestCampaign(t, buildTestCampaign(tag));
    expect((await runCampaignCron(t)).body).toMatchObject({ planned: 1, sent: { subscribeMessage: 0 } });
    const [row] = await outboxOf(t, me.leadId);
    expect(row?.scheduledAt.toISOString()).toBe('2026-03-03T00:30:00.000Z');
    t.clock.set('2026-03-03T00:29:00.000Z');
    expect((await runCampaignCron(t)).body.sent.subscribeMessage).toBe(0);
    t.clock.set('2026-03-03T00:30:00.000Z');
    expect((await runCampaignCron(t)).body.sent.subscribeMessage).toBe(1);
    expect(await createStandInControl(t.wechat.url).messages(me.openid)).toHaveLength(1);
  });

  it('holds a second campaign back by the per-lead daily cap (shared-store counters), until the next day', async () => {
    const t = await createTestApp({ now: MORNING });
    const tag = `c-${randomUUID().slice(0, 6)}`;
    const me = await prospect(t, tag, 2);
    await createTestCampaign(t, buildTestCampaign(tag));
    await createTestCampaign(t, buildTestCampaign(tag));
    const first = await runCampaignCron(t);
    expect(first.body).toMatchObject({ planned: 2, sent: { subscribeMessage: 1 }, deferred: { daily_cap: 1 } });
    const held = (await outboxOf(t, me.leadId)).find((r) => r.status === 'pending');
    // Next Shanghai midnight is in quiet hours: the first allowed minute is 08:30.
    expect(held?.scheduledAt.toISOString()).toBe('2026-03-03T00:30:00.000Z');
    t.clock.set('2026-03-03T00:31:00.000Z');
    expect((await runCampaignCron(t)).body.sent.subscribeMessage).toBe(1);
    expect(await createStandInControl(t.wechat.url).messages(me.openid)).toHaveLength(2);
  });

  it('a cap-exempt campaign (a reminder the lead asked for) is not held back by the cap', async () => {
    const t = await createTestApp({ now: MORNING });
    const tag = `x-${randomUUID().slice(0, 6)}`;
    const me = await prospect(t, tag, 2);
    await createTestCampaign(t, buildTestCampaign(tag));
    expect((await runCampaignCron(t)).body.sent.subscribeMessage).toBe(1);
    // Today's one message is spent; the exempt campaign still goes.
    await createTestCampaign(t, buildTestCampaign(tag, { sendRules: { isCapExempt: true } }));
    expect((await runCampaignCron(t)).body).toMatchObject({ sent: { subscribeMessage: 1 }, deferred: {} });
    expect(await createStandInControl(t.wechat.url).messages(me.openid)).toHaveLength(2);
  });

  it('time-box: a lead leaves after maxDaysPerLead, and a step past it is never sent; an ended campaign enrols nobody', async () => {
    const t = await createTestApp({ now: MORNING });
    const tag = `b-${randomUUID().slice(0, 6)}`;
    const me = await prospect(t, tag, 2);
    const boxed = await createTestCampaign(t, { ...twoSteps(tag), timeBox: { maxDaysPerLead: 1 } });
    expect((await runCampaignCron(t)).body.sent.subscribeMessage).toBe(1);
    t.clock.advance(DAY_MS + 60_000);
    expect((await runCampaignCron(t)).body).toMatchObject({ exited: 1, planned: 0 });
    const [member] = await t.db.select().from(campaignMembers).where(eq(campaignMembers.campaignId, boxed.id));
    expect(member?.exitReason).toBe('lead_time_box');
    const ended = await createTestCampaign(
      t,
      buildTestCampaign(tag, { timeBox: { endsAt: new Date(t.clock.now().getTime() - 60_000).toISOString() } }),
    );
    expect((await runCampaignCron(t)).body).toMatchObject({ entered: 0, planned: 0 });
    expect(await t.db.select().from(campaignMembers).where(eq(campaignMembers.campaignId, ended.id))).toEqual([]);
    expect(await createStandInControl(t.wechat.url).messages(me.openid)).toHaveLength(1);
  });

  it('exits on enrolment: the next step is not sent', async () => {
    const t = await createTestApp({ now: MORNING });
    const tag = `e-${randomUUID().slice(0, 6)}`;
    const me = await prospect(t, tag, 2);
    const campaign = await createTestCampaign(t, twoSteps(tag));
    expect((await runCampaignCron(t)).body.sent.subscribeMessage).toBe(1);
    await t.db.transaction((tx) =>
      recordLeadSignals(tx, {
        leadId: me.leadId,
        signals: [
          {
            id: randomUUID(),
            type: 'enrolled',
            occurredAt: t.clock.now().toISOString(),
            props: { courseId: randomUUID(), amountFen: 100_000 },
          },
        ],
        now: t.clock.now(),
      }),
    );
    t.clock.advance(DAY_MS + 60_000);
    expect((await runCampaignCron(t)).body).toMatchObject({ exited: 1, planned: 0, sent: { subscribeMessage: 0 } });
    const [member] = await t.db.select().from(campaignMembers).where(eq(campaignMembers.campaignId, campaign.id));
    expect(member?.exitReason).toBe('enrolled');
    expect(await createStandInControl(t.wechat.url).messages(me.openid)).toHaveLength(1);
  });

  it('exits when the advisor accepts the lead (onAdvisor: accepted, through the workbench): the next step is not sent', async () => {
    const t = await createTestApp({ now: MORNING });
    const tag = `x-${randomUUID().slice(0, 6)}`;
    const campus = await createTestCampus(t);
    const advisor = await createTestStaff(t, { campusIds: [campus.id] });
    // Routed to the advisor but not yet accepted: still the campaign's to nurture.
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: advisor.id });
    const openid = lead.openid as string;
    await t.db
      .update(leads)
      .set({ tags: [tag] })
      .where(eq(leads.id, lead.id));
    await t.db
      .insert(subscriptions)
      .values({ leadId: lead.id, templateId: TEST_TEMPLATE_ID, grantedCount: 2, lastGrantedAt: t.clock.now() });
    await t.wechat.grant(openid, TEST_TEMPLATE_ID, 2);
    const campaign = await createTestCampaign(t, twoSteps(tag));
    expect(campaign.document).toMatchObject({ exit: { onAdvisor: 'accepted' } });
    expect((await runCampaignCron(t)).body.sent.subscribeMessage).toBe(1);

    expect((await staffPost(t, advisor, `/api/staff/leads/${lead.id}/accept`)).status).toBe(200);
    t.clock.advance(DAY_MS + 60_000);
    expect((await runCampaignCron(t)).body).toMatchObject({ exited: 1, planned: 0, sent: { subscribeMessage: 0 } });
    const [member] = await t.db.select().from(campaignMembers).where(eq(campaignMembers.campaignId, campaign.id));
    expect(member?.exitReason).toBe('advisor_owned');
    expect((await outboxOf(t, lead.id)).map((o) => o.stepId)).toEqual(['hello']);
    expect(await createStandInControl(t.wechat.url).messages(openid)).toHaveLength(1);
  });

  it('an unsubscribe touchpoint stops a send already planned, and every campaign', async () => {
    const t = await createTestApp({ now: QUIET_22H });
    const tag = `u-${randomUUID().slice(0, 6)}`;
    const me = await prospect(t, tag, 2);
    await createTestCampaign(t, buildTestCampaign(tag));
    expect((await runCampaignCron(t)).body.planned).toBe(1);
    const unsubscribe = { id: randomUUID(), type: 'unsubscribe', occurredAt: t.clock.now().toISOString(), props: {} };
    const res = await t.request('/api/touchpoints', {
      method: 'POST',
      token: me.token,
      json: { events: [unsubscribe] },
    });
    expect(res.status).toBe(200);
    t.clock.set('2026-03-03T00:31:00.000Z');
    const run = await runCampaignCron(t);
    expect(run.body).toMatchObject({
      exited: 1,
      sent: { subscribeMessage: 0, inAppMessage: 0 },
      skipped: { unsubscribed: 1 },
    });
    await createTestCampaign(t, buildTestCampaign(tag));
    expect((await runCampaignCron(t)).body).toMatchObject({ entered: 0, planned: 0 });
    expect(await createStandInControl(t.wechat.url).messages(me.openid)).toEqual([]);
  });

  it('records message_sent with the campaign, and our send does not raise the lead score', async () => {
    const t = await createTestApp({ now: MORNING });
    const tag = `s-${randomUUID().slice(0, 6)}`;
    const me = await prospect(t, tag);
    const campaign = await createTestCampaign(t, buildTestCampaign(tag));
    const [before] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    expect((await runCampaignCron(t)).body.sent.subscribeMessage).toBe(1);
    const [after] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    expect(after?.scoreTotal).toBe(before?.scoreTotal);
    expect(after?.scoreEngagement).toBe(before?.scoreEngagement);
    const sent = await t.db.select().from(touchpoints).where(eq(touchpoints.type, 'message_sent'));
    expect(sent).toMatchObject([
      { leadId: me.leadId, campaignId: campaign.id, props: { templateId: TEST_TEMPLATE_ID, status: 'ok' } },
    ]);
  });
});
