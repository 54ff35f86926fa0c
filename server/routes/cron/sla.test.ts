import type { RunSlaSweepResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCampus,
  createTestStaff,
  createWorkbenchLead,
  expectError,
  staffPost,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { createTestWechatClient } from '../../../tests/helpers/test-wechat.js';
import { advisors, leadAssignments, leads } from '../../db/schema/index.js';
import { createLogger } from '../../log/logger.js';
import { acquireLock } from '../../redis/lock.js';
import { recoverOverdueLeads } from '../../services/routing/run-sla-sweep.js';

const sweep = (t: TestApp, secret = t.env.CRON_SECRET) =>
  t.request<RunSlaSweepResponse>('/api/cron/sla', { method: 'POST', headers: { authorization: `Bearer ${secret}` } });

async function setup() {
  const t = await createTestApp();
  const campus = await createTestCampus(t);
  const late = await createTestStaff(t, { campusIds: [campus.id], name: '迟老师' });
  const next = await createTestStaff(t, { campusIds: [campus.id], name: '快老师' });
  const past = new Date(t.clock.now().getTime() - 60_000);
  return { t, campus, late, next, past };
}

const createOverdue = (t: TestApp, campusId: string, ownerId: string, slaDueAt: Date, count: number) =>
  Promise.all(Array.from({ length: count }, () => createWorkbenchLead(t, { campusId, ownerId, slaDueAt })));

async function expectOneMissEach(t: TestApp, overdue: readonly { id: string }[]) {
  for (const lead of overdue) {
    expect((await periodsOf(t, lead.id)).filter((p) => p.endReason === 'sla_missed')).toHaveLength(1);
  }
}

const periodsOf = (t: TestApp, leadId: string) =>
  t.db.select().from(leadAssignments).where(eq(leadAssignments.leadId, leadId)).orderBy(leadAssignments.assignedAt);

describe('GET|POST /api/cron/sla', () => {
  it('takes an overdue lead back, records the miss against the advisor, and hands it to the next one', async () => {
    const { t, campus, late, next, past } = await setup();
    const overdue = await createWorkbenchLead(t, { campusId: campus.id, ownerId: late.id, slaDueAt: past });
    const notYet = await createWorkbenchLead(t, { campusId: campus.id, ownerId: late.id });
    const accepted = await createWorkbenchLead(t, { campusId: campus.id, ownerId: late.id, isAccepted: true });
    const res = await t.request<RunSlaSweepResponse>('/api/cron/sla', {
      headers: { authorization: `Bearer ${t.env.CRON_SECRET}` },
    });
    expect(res.body).toEqual({ skipped: false, recovered: 1, reassigned: 1, pooled: 0, notificationsSent: 0 });
    expect((await periodsOf(t, overdue.id)).map((p) => [p.advisorId, p.endReason])).toEqual([
      [late.id, 'sla_missed'],
      [next.id, null],
    ]);
    const [row] = await t.db.select().from(leads).where(eq(leads.id, overdue.id));
    expect(row?.ownerAdvisorId).toBe(next.id);
    expect(row?.slaDueAt?.getTime()).toBeGreaterThan(t.clock.now().getTime());
    for (const lead of [notYet, accepted])
      expect((await periodsOf(t, lead.id)).map((p) => p.endReason)).toEqual([null]);
    // Nothing left to do: a second run changes nothing.
    expect((await sweep(t)).body).toMatchObject({ recovered: 0 });
  });

  it('leaves the lead in the pool when nobody else has room', async () => {
    const { t, campus, late, next, past } = await setup();
    const overdue = await createWorkbenchLead(t, { campusId: campus.id, ownerId: late.id, slaDueAt: past });
    await t.db.update(advisors).set({ capacity: 0 }).where(eq(advisors.id, next.id));
    expect((await sweep(t)).body).toMatchObject({ recovered: 1, pooled: 1 });
    const [row] = await t.db.select().from(leads).where(eq(leads.id, overdue.id));
    expect(row).toMatchObject({ ownerAdvisorId: null, slaDueAt: null });
  });

  it('overlapping runs recover each lead once', async () => {
    const { t, campus, late, past } = await setup();
    const overdue = await createOverdue(t, campus.id, late.id, past, 6);
    const runs = await Promise.all([sweep(t), sweep(t), sweep(t)]);
    expect(runs.reduce((n, r) => n + r.body.recovered, 0)).toBe(6);
    await expectOneMissEach(t, overdue);
  });

  it('sweeps without the store lock split the overdue leads between them (row locks, SKIP LOCKED)', async () => {
    const { t, campus, late, past } = await setup();
    const overdue = await createOverdue(t, campus.id, late.id, past, 6);
    const ctx = {
      db: t.db,
      now: t.clock.now,
      store: t.store,
      wechat: createTestWechatClient(t.wechat.url),
      logger: createLogger({ level: 'silent' }),
    };
    const bare = await Promise.all([recoverOverdueLeads(ctx), recoverOverdueLeads(ctx), recoverOverdueLeads(ctx)]);
    expect(bare.reduce((n, r) => n + r.recovered, 0)).toBe(6);
    await expectOneMissEach(t, overdue);
  });

  it('a run overlapping an accept: either the accept wins and no miss is recorded, or the sweep wins and the accept is refused', async () => {
    const { t, campus, late, past } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: late.id, slaDueAt: past });
    const [accept] = await Promise.all([staffPost(t, late, `/api/staff/leads/${lead.id}/accept`), sweep(t)]);
    const misses = (await periodsOf(t, lead.id)).filter((p) => p.endReason === 'sla_missed');
    const [row] = await t.db.select().from(leads).where(eq(leads.id, lead.id));
    if (accept?.status === 200) {
      expect(misses).toEqual([]);
      expect(row).toMatchObject({ ownerAdvisorId: late.id, lifecycleStage: 'sql' });
    } else {
      expect([404, 409]).toContain(accept?.status);
      expect(misses).toHaveLength(1);
      expect(row?.ownerAcceptedAt).toBeNull();
    }
  });

  it('answers at once, doing nothing, while another run holds the lock', async () => {
    const { t, campus, late, past } = await setup();
    await createWorkbenchLead(t, { campusId: campus.id, ownerId: late.id, slaDueAt: past });
    const lock = await acquireLock(t.store, 'lock:cron:sla', { ttlMs: 60_000 });
    expect((await sweep(t)).body).toMatchObject({ skipped: true, recovered: 0 });
    await lock?.release();
    expect((await sweep(t)).body).toMatchObject({ skipped: false, recovered: 1 });
  });

  it('needs the cron secret: 401 and nothing recovered', async () => {
    const { t, campus, late, past } = await setup();
    const lead = await createWorkbenchLead(t, { campusId: campus.id, ownerId: late.id, slaDueAt: past });
    for (const res of [await sweep(t, 'wrong-secret-0123456789'), await t.request('/api/cron/sla')]) {
      expectError(res, 401, 'unauthenticated');
    }
    expect((await periodsOf(t, lead.id)).map((p) => p.endReason)).toEqual([null]);
  });
});
