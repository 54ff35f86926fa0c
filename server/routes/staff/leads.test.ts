import { randomUUID } from 'node:crypto';
import type { ListStaffLeadsResponse, StaffLeadDetail } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCampus,
  createTestStaff,
  createWorkbenchLead,
  expectError,
  logInAs,
  registerThroughApi,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { leads, staffAuditLog } from '../../db/schema/index.js';

async function setup() {
  const t = await createTestApp();
  const north = await createTestCampus(t, '北校区');
  const south = await createTestCampus(t, '南校区');
  const me = await createTestStaff(t, { campusIds: [north.id] });
  const colleague = await createTestStaff(t, { campusIds: [north.id] });
  const southAdvisor = await createTestStaff(t, { campusIds: [south.id] });
  const northManager = await createTestStaff(t, { role: 'manager', campusIds: [north.id] });
  return { t, north, south, me, colleague, southAdvisor, northManager };
}

const list = (t: TestApp, token: string, query = '') =>
  t.request<ListStaffLeadsResponse>(`/api/staff/leads${query}`, { token });

describe('GET /api/staff/leads', () => {
  it('ranks my leads by score, ties by the most recent activity, with masked phones and stage ordinals', async () => {
    const { t, north, me } = await setup();
    const at = (h: number) => new Date(t.clock.now().getTime() - h * 3_600_000);
    const low = await createWorkbenchLead(t, { campusId: north.id, ownerId: me.id, score: 20 });
    const olderTie = await createWorkbenchLead(t, {
      campusId: north.id,
      ownerId: me.id,
      score: 50,
      lastActivityAt: at(5),
    });
    const newerTie = await createWorkbenchLead(t, {
      campusId: north.id,
      ownerId: me.id,
      score: 50,
      lastActivityAt: at(1),
    });
    await t.db
      .update(leads)
      .set({ lifecycleArrivals: { mql: 2 } })
      .where(eq(leads.id, newerTie.id));
    const res = await list(t, me.token);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.id)).toEqual([newerTie.id, olderTie.id, low.id]);
    expect(res.body.items[0]).toMatchObject({
      phoneMasked: expect.stringMatching(/^139\*{4}\d{4}$/),
      stageCode: 'MQL-02',
      stageLabel: '营销认可线索',
      owner: { id: me.id },
      isOverdue: false,
    });
    expect(JSON.stringify(res.body)).not.toContain(newerTie.phone ?? 'no phone');
  });

  it('pages with a keyset cursor: every lead once, in order, whatever the ties', async () => {
    const { t, north, me } = await setup();
    const created = [];
    for (let i = 0; i < 7; i++)
      created.push(await createWorkbenchLead(t, { campusId: north.id, ownerId: me.id, score: i % 3 }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(
        t,
        me.token,
        `?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created.map((l) => l.id)));
    const scores = (await list(t, me.token, '?limit=50')).body.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('pool: unowned leads of my campuses only; overdue: held past their accept-by time', async () => {
    const { t, north, south, me, colleague } = await setup();
    const pooled = await createWorkbenchLead(t, { campusId: north.id });
    await createWorkbenchLead(t, { campusId: south.id });
    await createWorkbenchLead(t, { campusId: north.id, ownerId: colleague.id });
    const late = await createWorkbenchLead(t, {
      campusId: north.id,
      ownerId: me.id,
      slaDueAt: new Date(t.clock.now().getTime() - 60_000),
    });
    await createWorkbenchLead(t, { campusId: north.id, ownerId: me.id, isAccepted: true });
    expect((await list(t, me.token, '?view=pool')).body.items.map((i) => i.id)).toEqual([pooled.id]);
    const overdue = await list(t, me.token, '?view=overdue');
    expect(overdue.body.items.map((i) => i.id)).toEqual([late.id]);
    expect(overdue.body.items[0]?.isOverdue).toBe(true);
  });

  it('filters by stage, journey, source and a name or phone search', async () => {
    const { t, north, me } = await setup();
    const target = await createWorkbenchLead(t, {
      campusId: north.id,
      ownerId: me.id,
      name: '王小明',
      stage: 'sql',
      isAccepted: true,
      phone: '13800001234',
      source: 'event_qr',
    });
    await createWorkbenchLead(t, { campusId: north.id, ownerId: me.id, name: '李雷' });
    const ids = async (query: string) => (await list(t, me.token, query)).body.items.map((i) => i.id);
    expect(await ids('?stage=sql')).toEqual([target.id]);
    expect(await ids('?source=event_qr')).toEqual([target.id]);
    expect(await ids(`?q=${encodeURIComponent('小明')}`)).toEqual([target.id]);
    expect(await ids('?q=1234')).toEqual([target.id]);
    expect(await ids('?journey=preferring')).toEqual([]);
  });

  it('a manager sees their campuses as a team; an advisor may not ask for the team view', async () => {
    const { t, north, south, me, southAdvisor, northManager } = await setup();
    const ours = await createWorkbenchLead(t, { campusId: north.id, ownerId: me.id });
    await createWorkbenchLead(t, { campusId: south.id, ownerId: southAdvisor.id });
    expect((await list(t, northManager.token, '?view=team')).body.items.map((i) => i.id)).toEqual([ours.id]);
    expect((await list(t, northManager.token, `?view=team&advisorId=${southAdvisor.id}`)).body.items).toEqual([]);
    expectError(await list(t, me.token, '?view=team'), 403, 'forbidden');
  });

  it.each([
    ['unknown view', '?view=everything'],
    ['unknown stage', '?stage=vip'],
    ['limit too big', '?limit=500'],
    ['campus id not a UUID', '?campusId=north'],
    ['a cursor the server did not make', '?cursor=bm90LWEtY3Vyc29y'],
    ['unknown parameter', '?sort=name'],
  ])('%s → 400', async (_label, query) => {
    const { t, me } = await setup();
    expectError(await list(t, me.token, query), 400, 'validation_failed');
  });
});

describe('GET /api/staff/leads/:id', () => {
  it('shows the full phone, the score with every reason, both histories and the timeline; each view is audit-logged', async () => {
    const t = await createTestApp();
    const prospect = await logInAs(t, `p${randomUUID().slice(0, 8)}`);
    const { campus } = await registerThroughApi(t, prospect.token);
    const advisor = await createTestStaff(t, { campusIds: [campus.id] });
    const read = () => t.request<StaffLeadDetail>(`/api/staff/leads/${prospect.leadId}`, { token: advisor.token });
    const res = await read();
    expect(res.status).toBe(200);
    expect(res.body.lead).toMatchObject({
      phone: '13912345678',
      isRegistered: true,
      campus: { id: campus.id },
      owner: null,
    });
    expect(res.body.score.breakdown.map((b) => b.label)).toEqual(expect.arrayContaining(['一年内报名', '注册']));
    expect(res.body.lifecycleHistory.map((h) => h.code)).toEqual(['AWR-01', 'NAM-01', 'TGT-01']);
    expect(res.body.lifecycleHistory[1]).toMatchObject({ causeLabel: '登记留资', ruleId: 'registered' });
    expect(res.body.journeyHistory.map((h) => h.to)).toEqual(['exploring']);
    expect(res.body.timeline.items.map((i) => i.title)).toEqual(['登记留资']);
    expect(res.body.allowedActions).toEqual(['claim']);
    await read();
    const audit = await t.db.select().from(staffAuditLog).where(eq(staffAuditLog.leadId, prospect.leadId));
    expect(audit).toMatchObject([
      { staffId: advisor.id, action: 'phone_reveal' },
      { staffId: advisor.id, action: 'phone_reveal' },
    ]);
  });

  it("never shows another advisor's lead, nor another campus's: 404, as for a lead that does not exist", async () => {
    const { t, north, south, me, colleague, northManager } = await setup();
    const theirs = await createWorkbenchLead(t, { campusId: north.id, ownerId: colleague.id });
    const southern = await createWorkbenchLead(t, { campusId: south.id });
    for (const id of [theirs.id, southern.id, randomUUID()]) {
      const res = await t.request(`/api/staff/leads/${id}`, { token: me.token });
      expect(expectError(res, 404, 'not_found').userMessage).toBe('线索不存在或无权查看');
    }
    expect((await t.request(`/api/staff/leads/${theirs.id}`, { token: northManager.token })).status).toBe(200);
    expectError(await t.request(`/api/staff/leads/${southern.id}`, { token: northManager.token }), 404, 'not_found');
    expect(await t.db.select().from(staffAuditLog)).toHaveLength(1);
  });

  it('explains the score with the rules worth a point shown, not those that round to nothing', async () => {
    const t = await createTestApp();
    const prospect = await logInAs(t, `p${randomUUID().slice(0, 8)}`);
    const { campus } = await registerThroughApi(t, prospect.token);
    const advisor = await createTestStaff(t, { campusIds: [campus.id] });
    const view = (durationMs: number) => ({
      id: randomUUID(),
      type: 'page_view',
      occurredAt: t.clock.now().toISOString(),
      props: { page: '/pages/index/index', durationMs },
    });
    const read = async () =>
      (await t.request<StaffLeadDetail>(`/api/staff/leads/${prospect.leadId}`, { token: advisor.token })).body.score;
    // Two seconds on a page: a thirtieth of a point.
    await t.request('/api/touchpoints', { method: 'POST', token: prospect.token, json: { events: [view(2_000)] } });
    expect((await read()).breakdown.map((b) => b.ruleId)).not.toContain('page-view');
    // Three minutes of reading: three points, shown.
    await t.request('/api/touchpoints', { method: 'POST', token: prospect.token, json: { events: [view(180_000)] } });
    const score = await read();
    expect(score.breakdown.find((b) => b.ruleId === 'page-view')?.points).toBeCloseTo(3, 0);
    expect(score.breakdown.every((b) => b.points !== 0)).toBe(true);
  });

  it('pages the timeline newest first', async () => {
    const t = await createTestApp();
    const prospect = await logInAs(t, `p${randomUUID().slice(0, 8)}`);
    const { campus } = await registerThroughApi(t, prospect.token);
    const manager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
    const events = Array.from({ length: 5 }, (_, i) => ({
      id: randomUUID(),
      type: 'page_view',
      occurredAt: new Date(t.clock.now().getTime() - (i + 1) * 60_000).toISOString(),
      props: { page: `/pages/p${i}` },
    }));
    await t.request('/api/touchpoints', { method: 'POST', token: prospect.token, json: { events } });
    const first = await t.request<StaffLeadDetail['timeline']>(`/api/staff/leads/${prospect.leadId}/timeline?limit=4`, {
      token: manager.token,
    });
    const rest = await t.request<StaffLeadDetail['timeline']>(
      `/api/staff/leads/${prospect.leadId}/timeline?limit=4&cursor=${first.body.nextCursor}`,
      { token: manager.token },
    );
    const times = [...first.body.items, ...rest.body.items].map((i) => i.occurredAt);
    expect(times).toHaveLength(6);
    expect(times).toEqual([...times].sort().reverse());
    expect(rest.body.nextCursor).toBeNull();
  });
});
