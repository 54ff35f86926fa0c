import { randomUUID } from 'node:crypto';
import {
  DEFAULT_WORKBENCH_SETTINGS,
  type GetStaffMeResponse,
  type JoinStaffResponse,
  type ListTeamResponse,
  type LoginResponse,
  type ReassignLeadsResponse,
  type TransferAdvisorResponse,
  type WorkbenchSettingsResponse,
} from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCampus,
  createTestStaff,
  createWorkbenchLead,
  expectError,
  logInAs,
  one,
  staffPost,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { advisors, leadAssignments, leads, staffInvitations } from '../../db/schema/index.js';

async function setup() {
  const t = await createTestApp();
  const campus = await createTestCampus(t, '徐汇校区');
  const elsewhere = await createTestCampus(t, '浦东校区');
  const manager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
  const a1 = await createTestStaff(t, { campusIds: [campus.id], name: '甲老师' });
  const a2 = await createTestStaff(t, { campusIds: [campus.id], name: '乙老师' });
  return { t, campus, elsewhere, manager, a1, a2 };
}

const ownerOf = async (t: TestApp, id: string) =>
  one(await t.db.select({ owner: leads.ownerAdvisorId }).from(leads).where(eq(leads.id, id))).owner;

describe('invitations, joining and the staff login', () => {
  it('a manager invites, the invitee joins once with the code, and logs in as staff from then on', async () => {
    const { t, campus, manager } = await setup();
    const invite = await t.request<{ code: string; expiresAt: string }>('/api/staff/invitations', {
      method: 'POST',
      token: manager.token,
      json: { name: '新顾问', role: 'advisor', campusIds: [campus.id], capacity: 30 },
    });
    expect(invite.status).toBe(201);
    expect(invite.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(one(await t.db.select().from(staffInvitations)).codeHash).not.toContain(invite.body.code.slice(0, 4));
    const invitee = await logInAs(t, `inv${randomUUID().slice(0, 6)}`);
    const join = (code: string, token = invitee.token) =>
      t.request<JoinStaffResponse>('/api/staff/join', { method: 'POST', token, json: { code } });
    const joined = await join(invite.body.code.toLowerCase());
    expect(joined.status).toBe(201);
    expect(joined.body.staff).toMatchObject({ name: '新顾问', role: 'advisor', campusIds: [campus.id] });
    const other = await logInAs(t, `inv${randomUUID().slice(0, 6)}`);
    expect(expectError(await join(invite.body.code, other.token), 409, 'conflict').userMessage).toBe('邀请码已被使用');
    expectError(await join('AAAA-BBBB-CCCC', other.token), 404, 'not_found');

    const login = await t.request<LoginResponse>('/api/auth/login', {
      json: { code: `dev-${invitee.openid.slice(2)}.again` },
    });
    expect(login.body.staff).toMatchObject({ id: joined.body.staff.id, role: 'advisor' });
    expect(login.body.lead.id).toBe(invitee.leadId);
    const me = await t.request<GetStaffMeResponse>('/api/staff/me', { token: login.body.staff?.token ?? '' });
    expect(me.body).toMatchObject({ staff: { capacity: 30 }, limits: { dailyClaimLimit: 20, maxHeldLeads: 10 } });
  });

  it('an expired code is refused; a campus manager cannot invite to another campus or an institution-wide manager', async () => {
    const { t, campus, elsewhere, manager } = await setup();
    const invite = await t.request<{ code: string }>('/api/staff/invitations', {
      method: 'POST',
      token: manager.token,
      json: { name: '王', role: 'advisor', campusIds: [campus.id] },
    });
    for (const json of [
      { name: '越界', role: 'advisor', campusIds: [elsewhere.id] },
      { name: '总监', role: 'manager', isAllCampuses: true },
    ]) {
      expectError(
        await t.request('/api/staff/invitations', { method: 'POST', token: manager.token, json }),
        403,
        'forbidden',
      );
    }
    t.clock.advance(8 * 86_400_000);
    const late = await logInAs(t, `late${randomUUID().slice(0, 6)}`);
    const res = await t.request('/api/staff/join', {
      method: 'POST',
      token: late.token,
      json: { code: invite.body.code },
    });
    expect(expectError(res, 404, 'not_found').userMessage).toBe('邀请码无效或已过期');
    expect(await t.db.select().from(advisors).where(eq(advisors.name, '王'))).toEqual([]);
  });

  it.each([
    ['no campus', { name: '李', role: 'advisor' }],
    ['an advisor for every campus', { name: '李', role: 'advisor', isAllCampuses: true }],
    ['unknown role', { name: '李', role: 'teacher', campusIds: [randomUUID()] }],
    ['empty name', { name: '', role: 'advisor', campusIds: [randomUUID()] }],
  ])('invitation with %s → 400, nothing stored', async (_label, json) => {
    const { t, manager } = await setup();
    const res = await t.request('/api/staff/invitations', { method: 'POST', token: manager.token, json });
    expectError(res, 400, 'validation_failed');
    expect(await t.db.select().from(staffInvitations)).toEqual([]);
  });
});

describe('reassign, transfer, team and settings', () => {
  it('reassigns leads to an advisor who can take them; the others stay, each with the reason', async () => {
    const { t, campus, elsewhere, manager, a1, a2 } = await setup();
    const movable = await createWorkbenchLead(t, { campusId: campus.id, ownerId: a1.id, isAccepted: true });
    const foreign = await createWorkbenchLead(t, { campusId: elsewhere.id });
    const requestId = randomUUID();
    const body = { requestId, leadIds: [movable.id, foreign.id], advisorId: a2.id };
    const res = await staffPost<ReassignLeadsResponse>(t, manager, '/api/staff/leads/reassign', body);
    expect(res.body).toMatchObject({ reassigned: [movable.id], refused: [{ leadId: foreign.id }], isReplay: false });
    expect(await ownerOf(t, movable.id)).toBe(a2.id);
    const periods = await t.db.select().from(leadAssignments).where(eq(leadAssignments.leadId, movable.id));
    expect(periods.map((p) => [p.advisorId === a1.id ? 'a1' : 'a2', p.endReason])).toEqual([
      ['a1', 'reassigned'],
      ['a2', null],
    ]);
    const again = await staffPost<ReassignLeadsResponse>(t, manager, '/api/staff/leads/reassign', body);
    expect(again.body).toMatchObject({ reassigned: [movable.id], isReplay: true });
    expect(await t.db.select().from(leadAssignments).where(eq(leadAssignments.leadId, movable.id))).toHaveLength(2);
    const outOfScope = await createTestStaff(t, { campusIds: [elsewhere.id] });
    const refused = await staffPost(t, manager, '/api/staff/leads/reassign', {
      leadIds: [movable.id],
      advisorId: outOfScope.id,
    });
    expectError(refused, 404, 'not_found');
  });

  it("transfers a leaver's leads round-robin within campus and capacity, pools the rest, and deactivates them", async () => {
    const { t, campus, manager, a1, a2 } = await setup();
    const a3 = await createTestStaff(t, { campusIds: [campus.id], capacity: 1 });
    const open = await Promise.all(
      [0, 1, 2].map(() => createWorkbenchLead(t, { campusId: campus.id, ownerId: a1.id, isAccepted: true })),
    );
    const customer = await createWorkbenchLead(t, {
      campusId: campus.id,
      ownerId: a1.id,
      isAccepted: true,
      stage: 'customer',
    });
    const res = await staffPost<TransferAdvisorResponse>(t, manager, `/api/staff/advisors/${a1.id}/transfer`);
    expect(res.body).toMatchObject({ advisorId: a1.id, reassigned: 3, pooled: 0, released: 1, isReplay: false });
    const owners = await Promise.all(open.map((l) => ownerOf(t, l.id)));
    expect(owners.filter((o) => o === a3.id)).toHaveLength(1);
    expect(owners.filter((o) => o === a2.id)).toHaveLength(2);
    expect(await ownerOf(t, customer.id)).toBeNull();
    expect(one(await t.db.select().from(advisors).where(eq(advisors.id, a1.id)))).toMatchObject({ isActive: false });
    expectError(await t.request('/api/staff/leads', { token: a1.token }), 403, 'forbidden');
  });

  it('the team page: load, SLA misses and conversion per advisor', async () => {
    const { t, campus, manager, a1, a2 } = await setup();
    await createWorkbenchLead(t, { campusId: campus.id, ownerId: a1.id, isAccepted: true });
    await createWorkbenchLead(t, {
      campusId: campus.id,
      ownerId: a1.id,
      slaDueAt: new Date(t.clock.now().getTime() - 1),
    });
    await createWorkbenchLead(t, { campusId: campus.id, ownerId: a2.id, isAccepted: true, stage: 'customer' });
    const res = await t.request<ListTeamResponse>('/api/staff/team', { token: manager.token });
    const byName = Object.fromEntries(res.body.advisors.map((a) => [a.name, a]));
    expect(byName.甲老师).toMatchObject({
      openLeads: 2,
      heldLeads: 1,
      overdueLeads: 1,
      accepted30d: 1,
      customers: 0,
    });
    expect(byName.乙老师).toMatchObject({ openLeads: 0, customers: 1, conversionRate: 1 });
  });

  it('settings: managers read them, an institution-wide manager changes them', async () => {
    const { t, manager } = await setup();
    const read = await t.request<WorkbenchSettingsResponse>('/api/staff/settings', { token: manager.token });
    expect(read.body.settings).toEqual(DEFAULT_WORKBENCH_SETTINGS);
    const head = await createTestStaff(t, { role: 'manager', isAllCampuses: true });
    const settings = { ...DEFAULT_WORKBENCH_SETTINGS, slaAcceptWorkingHours: 2, dailyClaimLimit: 5 };
    const put = await t.request('/api/staff/settings', { method: 'PUT', token: head.token, json: { settings } });
    expect(put.status).toBe(200);
    expect(
      (await t.request<WorkbenchSettingsResponse>('/api/staff/settings', { token: manager.token })).body.settings,
    ).toEqual(settings);
    const bad = { ...settings, workingHours: { ...settings.workingHours, opensAt: '22:00' } };
    expectError(
      await t.request('/api/staff/settings', { method: 'PUT', token: head.token, json: { settings: bad } }),
      400,
      'validation_failed',
    );
  });
});
