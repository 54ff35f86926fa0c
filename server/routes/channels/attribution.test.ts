import { randomUUID } from 'node:crypto';
import type { ChannelDetailResponse, ChannelResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCampus,
  createTestSession,
  createTestStaff,
  logInAs,
  one,
  registerThroughApi,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { advisors, leadAssignments, leads, touchpoints } from '../../db/schema/index.js';

async function setup() {
  const t = await createTestApp();
  const campus = await createTestCampus(t, '徐汇校区');
  const manager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
  const advisor = await createTestStaff(t, { campusIds: [campus.id], name: '张老师' });
  const colleague = await createTestStaff(t, { campusIds: [campus.id], name: '王老师' });
  const createChannel = async (json: Record<string, unknown>) => {
    const res = await t.request<ChannelResponse>('/api/staff/channels', {
      method: 'POST',
      token: manager.token,
      json: { campusId: campus.id, ...json },
    });
    expect(res.status).toBe(201);
    return res.body.channel;
  };
  const countsOf = async (id: string) =>
    (await t.request<ChannelDetailResponse>(`/api/staff/channels/${id}`, { token: manager.token })).body.counts;
  return { t, campus, manager, advisor, colleague, createChannel, countsOf };
}

/** What the mini-program's tracker sends for a page shown with the code's scene as `channel`. */
function pageView(t: TestApp, token: string, page: string, channel?: string) {
  return t.request('/api/touchpoints', {
    method: 'POST',
    token,
    json: {
      events: [
        {
          id: randomUUID(),
          type: 'page_view',
          occurredAt: t.clock.now().toISOString(),
          ...(channel ? { channel } : {}),
          props: { page },
        },
      ],
    },
  });
}

const touchesOf = (t: TestApp, leadId: string) =>
  t.db
    .select({
      type: touchpoints.type,
      channel: touchpoints.channel,
      campaignId: touchpoints.campaignId,
      channelId: touchpoints.channelId,
    })
    .from(touchpoints)
    .where(eq(touchpoints.leadId, leadId));

describe('attribution to a channel code (issue 13 §4, ADR 020)', () => {
  it('a scan attributes the visit, later touchpoints, the registration and the booking to the channel and its campaign', async () => {
    const { t, createChannel, countsOf } = await setup();
    const poster = await createChannel({ name: '校门海报', kind: 'poster', campaignId: 'autumn-2026' });
    const prospect = await logInAs(t, 'scanner');
    expect((await pageView(t, prospect.token, '/pages/index/index', poster.scene)).status).toBe(200);
    // A later visit opened from the home screen carries no scene: the lead's first channel holds.
    await pageView(t, prospect.token, '/pages/course/index');
    const catalog = await registerThroughApi(t, prospect.token, { channel: poster.scene });
    const session = await createTestSession(t, catalog);
    const booked = await t.request('/api/bookings', {
      method: 'POST',
      token: prospect.token,
      json: { sessionId: session.id },
    });
    expect(booked.status).toBe(201);

    const touches = await touchesOf(t, prospect.leadId);
    expect(touches.map((x) => x.type).sort()).toEqual(['page_view', 'page_view', 'registration', 'trial_booked']);
    for (const touch of touches) expect(touch.channelId).toBe(poster.id);
    const scanned = touches.filter((x) => x.type === 'page_view' || x.type === 'registration');
    expect(scanned.filter((x) => x.channel === 'poster' && x.campaignId === 'autumn-2026')).toHaveLength(2);
    const lead = one(await t.db.select().from(leads).where(eq(leads.id, prospect.leadId)));
    expect(lead).toMatchObject({ source: 'poster', sourceCampaignId: 'autumn-2026', sourceChannelId: poster.id });
    expect(await countsOf(poster.id)).toEqual({ scans: 1, newLeads: 1, registrations: 1, bookings: 1 });
  });

  it('a person already known is not counted as the new lead of a code scanned later', async () => {
    const { t, createChannel, countsOf } = await setup();
    const fair = await createChannel({ name: '教育展', kind: 'fair' });
    const prospect = await logInAs(t, 'known');
    await registerThroughApi(t, prospect.token);
    await pageView(t, prospect.token, '/pages/index/index', fair.scene);
    const lead = one(await t.db.select().from(leads).where(eq(leads.id, prospect.leadId)));
    expect(lead).toMatchObject({ source: 'mini_program', sourceChannelId: null });
    expect(await countsOf(fair.id)).toEqual({ scans: 1, newLeads: 0, registrations: 0, bookings: 0 });
  });

  it('a scene that names no channel is kept as it came and attributes nothing', async () => {
    const { t } = await setup();
    const prospect = await logInAs(t, 'stray');
    const stray = 'c.AAAAAAAAAAAAAAAAAAAAAA';
    expect((await pageView(t, prospect.token, '/pages/index/index', stray)).status).toBe(200);
    expect(await touchesOf(t, prospect.leadId)).toEqual([
      { type: 'page_view', channel: stray, campaignId: null, channelId: null },
    ]);
  });

  it("routes a lead from an advisor's own card to that advisor; a poster's lead waits in the pool", async () => {
    const { t, advisor, createChannel } = await setup();
    const card = await createChannel({ name: '张老师名片', kind: 'advisor_card', advisorId: advisor.id });
    const poster = await createChannel({ name: '海报', kind: 'poster' });

    const fromCard = await logInAs(t, 'card-parent');
    await pageView(t, fromCard.token, '/pages/index/index', card.scene);
    await registerThroughApi(t, fromCard.token, { channel: card.scene });
    const lead = one(await t.db.select().from(leads).where(eq(leads.id, fromCard.leadId)));
    expect(lead.ownerAdvisorId).toBe(advisor.id);
    const assignment = one(
      await t.db.select().from(leadAssignments).where(eq(leadAssignments.leadId, fromCard.leadId)),
    );
    expect(assignment).toMatchObject({ advisorId: advisor.id, reason: 'advisor_card', kind: 'routed' });

    const fromPoster = await logInAs(t, 'poster-parent');
    await registerThroughApi(t, fromPoster.token, { channel: poster.scene });
    const pooled = one(await t.db.select().from(leads).where(eq(leads.id, fromPoster.leadId)));
    expect(pooled.ownerAdvisorId).toBeNull();
  });

  it('the card routes the lead when it registers on a later visit without the scene', async () => {
    const { t, advisor, createChannel } = await setup();
    const card = await createChannel({ name: '张老师名片', kind: 'advisor_card', advisorId: advisor.id });
    const prospect = await logInAs(t, 'later');
    await pageView(t, prospect.token, '/pages/index/index', card.scene);
    await registerThroughApi(t, prospect.token);
    const lead = one(await t.db.select().from(leads).where(eq(leads.id, prospect.leadId)));
    expect(lead).toMatchObject({ ownerAdvisorId: advisor.id, source: 'advisor_card', sourceChannelId: card.id });
  });

  it('a card advisor who returned the lead does not get it back on its next visit', async () => {
    const { t, advisor, createChannel } = await setup();
    const card = await createChannel({ name: '张老师名片', kind: 'advisor_card', advisorId: advisor.id });
    const prospect = await logInAs(t, 'returned');
    await registerThroughApi(t, prospect.token, { channel: card.scene });
    const returned = await t.request(`/api/staff/leads/${prospect.leadId}/return`, {
      method: 'POST',
      token: advisor.token,
      json: { requestId: randomUUID(), reason: 'not_interested' },
    });
    expect(returned.status).toBe(200);
    await pageView(t, prospect.token, '/pages/index/index', card.scene);
    const lead = one(await t.db.select().from(leads).where(eq(leads.id, prospect.leadId)));
    expect(lead.ownerAdvisorId).toBeNull();
    expect(await t.db.select().from(leadAssignments).where(eq(leadAssignments.leadId, prospect.leadId))).toHaveLength(
      1,
    );
  });

  it('an inactive card advisor gets nothing: ordinary routing decides', async () => {
    const { t, advisor, createChannel } = await setup();
    const card = await createChannel({ name: '张老师名片', kind: 'advisor_card', advisorId: advisor.id });
    await t.db.update(advisors).set({ isActive: false }).where(eq(advisors.id, advisor.id));
    const prospect = await logInAs(t, 'orphan');
    await registerThroughApi(t, prospect.token, { channel: card.scene });
    const lead = one(await t.db.select().from(leads).where(eq(leads.id, prospect.leadId)));
    expect(lead.ownerAdvisorId).toBeNull();
  });
});
