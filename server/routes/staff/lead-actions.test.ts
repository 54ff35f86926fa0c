import { randomUUID } from 'node:crypto';
import { DEFAULT_WORKBENCH_SETTINGS, type StaffLeadActionResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCampus,
  createTestCourse,
  createTestStaff,
  createWorkbenchLead,
  expectError,
  one,
  staffPost,
  type TestApp,
  type TestStaff,
} from '../../../tests/helpers/index.js';
import {
  bookings,
  enrolments,
  institutionSettings,
  leadAssignments,
  leads,
  scoreLedger,
  staffActions,
  stageTransitions,
  touchpoints,
  trialSessions,
} from '../../db/schema/index.js';

async function setup() {
  const t = await createTestApp();
  const campus = await createTestCampus(t);
  const course = await createTestCourse(t);
  const advisor = await createTestStaff(t, { campusIds: [campus.id] });
  const other = await createTestStaff(t, { campusIds: [campus.id] });
  const manager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
  return { t, campus, course, advisor, other, manager };
}

const act = (t: TestApp, staff: TestStaff, leadId: string, action: string, json: Record<string, unknown> = {}) =>
  staffPost<StaffLeadActionResponse>(
    t,
    staff,
    `/api/staff/leads/${leadId}/${action}`,
    json,
    action === 'qualification' ? 'PUT' : 'POST',
  );

const leadOf = async (t: TestApp, id: string) => one(await t.db.select().from(leads).where(eq(leads.id, id)));

async function bookFor(t: TestApp, leadId: string, campusId: string, courseId: string) {
  const session = one(
    await t.db
      .insert(trialSessions)
      .values({
        courseId,
        campusId,
        title: '试听',
        startsAt: new Date(t.clock.now().getTime() + 86_400_000),
        capacity: 5,
      })
      .returning(),
  );
  return one(await t.db.insert(bookings).values({ sessionId: session.id, leadId }).returning());
}

describe('accept', () => {
  it('makes the lead an SQL, meets the SLA, and a retry answers the same without writing', async () => {
    const { t, campus, advisor } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: advisor.id });
    const requestId = randomUUID();
    const res = await act(t, advisor, lead.id, 'accept', { requestId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      isReplay: false,
      lead: { lifecycleStage: 'sql', stageCode: 'SQL-01', slaDueAt: null },
    });
    expect(await leadOf(t, lead.id)).toMatchObject({
      lifecycleStage: 'sql',
      slaDueAt: null,
      ownerAdvisorId: advisor.id,
    });
    expect(one(await t.db.select().from(leadAssignments)).acceptedAt).not.toBeNull();
    const again = await act(t, advisor, lead.id, 'accept', { requestId });
    expect(again.body).toMatchObject({ isReplay: true, lead: { lifecycleStage: 'sql' } });
    expect(await t.db.select().from(staffActions)).toHaveLength(1);
    expect(await t.db.select().from(stageTransitions).where(eq(stageTransitions.toStage, 'sql'))).toHaveLength(1);
  });

  it('with a booked trial, the accept makes an opportunity (issue 9 §7)', async () => {
    const { t, campus, course, advisor } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: advisor.id });
    await bookFor(t, lead.id, campus.id, course.id);
    expect((await act(t, advisor, lead.id, 'accept')).body.lead).toMatchObject({ lifecycleStage: 'opportunity' });
  });

  it('twice at once with two request ids: one accepts, the other is told in Chinese, nothing doubled', async () => {
    const { t, campus, advisor } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: advisor.id });
    const replies = await Promise.all([act(t, advisor, lead.id, 'accept'), act(t, advisor, lead.id, 'accept')]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = replies.find((r) => r.status === 409);
    expect(refused && expectError(refused, 409, 'conflict').userMessage).toBe('该线索已接受，如需放弃请使用“退回”');
    expect(await t.db.select().from(staffActions)).toHaveLength(1);
  });

  it("refuses someone else's lead (404) and a request id used for another action (409)", async () => {
    const { t, campus, advisor, other } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: other.id });
    expectError(await act(t, advisor, lead.id, 'accept'), 404, 'not_found');
    const mine = await createWorkbenchLead(t, { campusId: campus.id, ownerId: advisor.id });
    const requestId = randomUUID();
    await act(t, advisor, mine.id, 'follow-ups', { requestId, kind: 'note', note: '家长周末有空' });
    const reused = await act(t, advisor, mine.id, 'accept', { requestId });
    expect(expectError(reused, 409, 'conflict').userMessage).toBe('请求编号已用于其他操作，请刷新后重试');
    expect((await leadOf(t, mine.id)).ownerAcceptedAt).toBeNull();
  });
});

describe('return, claim and release', () => {
  it('return: penalty, back to the pool under a nurture hold, kept away from the advisor, kept in history', async () => {
    const { t, campus, advisor } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: advisor.id, isAccepted: true });
    const res = await act(t, advisor, lead.id, 'return', { reason: 'other', note: '家长说明年再考虑' });
    expect(res.body.lead).toMatchObject({ owner: null, lifecycleStage: 'engaged', stageCode: 'ENG-01' });
    const row = await leadOf(t, lead.id);
    expect(row).toMatchObject({ ownerAdvisorId: null, nurtureHoldSince: t.clock.now() });
    expect(await t.db.select().from(scoreLedger).where(eq(scoreLedger.leadId, lead.id))).toMatchObject([
      { ruleId: 'advisor-return', points: -20 },
    ]);
    expect(one(await t.db.select().from(leadAssignments))).toMatchObject({ endReason: 'returned' });
    expect(one(await t.db.select().from(staffActions))).toMatchObject({
      kind: 'return',
      payload: { reason: 'other', note: '家长说明年再考虑' },
    });
    // It is in the campus pool again, but not for the advisor who returned it.
    const back = await act(t, advisor, lead.id, 'claim');
    expect(expectError(back, 409, 'conflict').userMessage).toBe('你曾退回或超时未接该线索，不能再领取');
  });

  it('claim from the pool, then release it unaccepted; an accepted lead cannot be released', async () => {
    const { t, campus, advisor } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id });
    const claimed = await act(t, advisor, lead.id, 'claim');
    expect(claimed.body.lead).toMatchObject({ owner: { id: advisor.id }, isOverdue: false });
    expect(claimed.body.lead.slaDueAt).not.toBeNull();
    expect((await act(t, advisor, lead.id, 'release')).body.lead.owner).toBeNull();
    await act(t, advisor, lead.id, 'claim');
    await act(t, advisor, lead.id, 'accept');
    const refused = await act(t, advisor, lead.id, 'release');
    expect(expectError(refused, 409, 'conflict').userMessage).toBe('该线索已接受，如需放弃请使用“退回”');
  });

  it('two advisors claiming one lead at once: exactly one wins', async () => {
    const { t, campus, advisor, other } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id });
    const replies = await Promise.all([act(t, advisor, lead.id, 'claim'), act(t, other, lead.id, 'claim')]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await t.db.select().from(leadAssignments)).toHaveLength(1);
  });

  it('the held-lead cap and the daily claim limit hold under concurrent claims', async () => {
    const { t, campus, advisor } = await setup();
    await t.db.insert(institutionSettings).values({
      id: 'default',
      document: { ...DEFAULT_WORKBENCH_SETTINGS, maxHeldLeads: 3, dailyClaimLimit: 4 },
      updatedAt: t.clock.now(),
    });
    const pool = await Promise.all(Array.from({ length: 6 }, () => createWorkbenchLead(t, { campusId: campus.id })));
    const replies = await Promise.all(pool.map((l) => act(t, advisor, l.id, 'claim')));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(3);
    const capped = replies.find((r) => r.status === 409);
    expect(capped && expectError(capped, 409, 'conflict').userMessage).toBe('待接受的线索已达上限，请先处理手中的线索');
    // Accepting frees the cap; the fifth claim of the day is over the daily limit of four.
    const held = replies.filter((r) => r.status === 200).map((r) => r.body.lead.id);
    for (const id of held) await act(t, advisor, id, 'accept');
    const rest = pool.filter((l) => !held.includes(l.id));
    expect((await act(t, advisor, rest[0]?.id ?? '', 'claim')).status).toBe(200);
    const limited = await act(t, advisor, rest[1]?.id ?? '', 'claim');
    expect(expectError(limited, 409, 'conflict').userMessage).toBe('今日领取数量已达上限');
  });
});

describe('follow-ups, BANT, attendance and enrolment', () => {
  it('a call with its outcome and next follow-up is a scored touchpoint; a note is too', async () => {
    const { t, campus, advisor } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: advisor.id, isAccepted: true });
    const next = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const res = await act(t, advisor, lead.id, 'follow-ups', {
      kind: 'wechat',
      outcome: 'connected',
      note: '发了课表',
      nextFollowUpAt: next,
    });
    expect(res.body.lead.nextFollowUpAt).toBe(next);
    await act(t, advisor, lead.id, 'follow-ups', { kind: 'note', note: '家长周末有空' });
    const recorded = await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, lead.id));
    expect(recorded.map((r) => r.type).sort()).toEqual(['advisor_call', 'advisor_note']);
    expect(recorded.find((r) => r.type === 'advisor_call')?.props).toMatchObject({
      medium: 'wechat',
      outcome: 'connected',
    });
    expect(await t.db.select().from(scoreLedger).where(eq(scoreLedger.leadId, lead.id))).toMatchObject([
      { ruleId: 'advisor-call-connected', points: 8 },
    ]);
  });

  it('BANT feeds the fit score through the ledger', async () => {
    const { t, campus, manager } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id });
    const res = await act(t, manager, lead.id, 'qualification', {
      budgetBand: 'high',
      need: 'clear',
      timeline: 'within_1_month',
    });
    expect(res.status).toBe(200);
    expect(await leadOf(t, lead.id)).toMatchObject({ budgetBand: 'high', need: 'clear', timeline: 'within_1_month' });
    const ledger = await t.db.select().from(scoreLedger).where(eq(scoreLedger.leadId, lead.id));
    expect(ledger.map((e) => e.ruleId).sort()).toEqual([
      'budget-fits',
      'need-clear',
      'timeline-within-month',
      'timeline-within-year',
    ]);
  });

  it('attendance makes an opportunity; a no-show scores against; a cancelled booking cannot be marked', async () => {
    const { t, campus, course, advisor } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: advisor.id, isAccepted: true });
    const booking = await bookFor(t, lead.id, campus.id, course.id);
    const res = await act(t, advisor, lead.id, 'attendance', { bookingId: booking.id, status: 'attended' });
    expect(res.body.lead).toMatchObject({ lifecycleStage: 'opportunity', stageCode: 'OPP-01' });
    expect(one(await t.db.select().from(bookings))).toMatchObject({ status: 'attended' });
    const conflict = await act(t, advisor, lead.id, 'attendance', { bookingId: booking.id, status: 'no_show' });
    expect(expectError(conflict, 409, 'conflict').userMessage).toBe('该预约已标记为其他到课状态');
    const cancelled = await bookFor(t, lead.id, campus.id, course.id);
    await t.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, cancelled.id));
    expectError(
      await act(t, advisor, lead.id, 'attendance', { bookingId: cancelled.id, status: 'attended' }),
      409,
      'conflict',
    );
    expectError(
      await act(t, advisor, lead.id, 'attendance', { bookingId: randomUUID(), status: 'attended' }),
      404,
      'not_found',
    );
  });

  it('an enrolment makes a customer and stores the amount; a second one is the next cycle (CUS-02)', async () => {
    const { t, campus, course, advisor } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: advisor.id, isAccepted: true });
    const today = '2026-03-02';
    const res = await act(t, advisor, lead.id, 'enrolments', {
      courseId: course.id,
      amountFen: 1_280_000,
      enrolledOn: today,
    });
    expect(res.body.lead).toMatchObject({ lifecycleStage: 'customer', stageCode: 'CUS-01' });
    expect(one(await t.db.select().from(enrolments))).toMatchObject({
      amountFen: 1_280_000,
      enrolledOn: today,
      courseId: course.id,
    });
    const again = await act(t, advisor, lead.id, 'enrolments', {
      courseId: course.id,
      amountFen: 680_000,
      enrolledOn: today,
    });
    expect(again.body.lead.stageCode).toBe('CUS-02');
  });
});

describe('bad input: 4xx and nothing written', () => {
  const cases: [string, string, Record<string, unknown>, number][] = [
    ['return without a reason', 'return', {}, 400],
    ['return "other" without a note', 'return', { reason: 'other' }, 400],
    ['follow-up call without an outcome', 'follow-ups', { kind: 'call' }, 400],
    ['empty note', 'follow-ups', { kind: 'note', note: ' ' }, 400],
    [
      'next follow-up in the past',
      'follow-ups',
      { kind: 'call', outcome: 'busy', nextFollowUpAt: '2026-03-01T00:00:00Z' },
      400,
    ],
    [
      'a call that has not happened yet',
      'follow-ups',
      { kind: 'call', outcome: 'busy', occurredAt: '2026-03-05T00:00:00Z' },
      400,
    ],
    ['BANT with nothing in it', 'qualification', {}, 400],
    ['BANT with an unknown budget', 'qualification', { budgetBand: 'huge' }, 400],
    ['attendance of an unknown status', 'attendance', { bookingId: randomUUID(), status: 'late' }, 400],
    ['enrolment of 0 fen', 'enrolments', { courseId: randomUUID(), amountFen: 0, enrolledOn: '2026-03-02' }, 400],
    [
      'enrolment in yuan with cents',
      'enrolments',
      { courseId: randomUUID(), amountFen: 12.5, enrolledOn: '2026-03-02' },
      400,
    ],
    [
      'enrolment dated tomorrow',
      'enrolments',
      { courseId: randomUUID(), amountFen: 100, enrolledOn: '2026-03-03' },
      400,
    ],
    [
      'enrolment of an unknown course',
      'enrolments',
      { courseId: randomUUID(), amountFen: 100, enrolledOn: '2026-03-02' },
      400,
    ],
  ];
  it.each(cases)('%s → %i', async (_label, action, json, status) => {
    const { t, campus, advisor } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: advisor.id, isAccepted: true });
    const before = await leadOf(t, lead.id);
    expect((await act(t, advisor, lead.id, action, json)).status).toBe(status);
    expect(await leadOf(t, lead.id)).toEqual(before);
    expect(await t.db.select().from(staffActions)).toEqual([]);
    expect(await t.db.select().from(touchpoints)).toEqual([]);
    expect(await t.db.select().from(enrolments)).toEqual([]);
  });

  it('a request without a request id → 400', async () => {
    const { t, campus, advisor } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: advisor.id });
    const res = await t.request(`/api/staff/leads/${lead.id}/accept`, {
      method: 'POST',
      token: advisor.token,
      json: {},
    });
    expectError(res, 400, 'validation_failed');
    expect((await leadOf(t, lead.id)).ownerAcceptedAt).toBeNull();
  });
});
