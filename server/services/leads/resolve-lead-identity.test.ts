/**
 * One person, one lead (SPEC §4, issue 8 item 10, ADR 010): registration and phone binding resolve
 * the number against other live leads; an offline lead is absorbed by the WeChat user whose number
 * WeChat verified, other pairs are flagged; a manager can reverse a merge; concurrent arrivals of
 * one number end in one merge or flag.
 */
import { randomUUID } from 'node:crypto';
import type { TouchpointEvent } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCatalog,
  createTestSession,
  getTestDatabase,
  logInAs,
  registerThroughApi,
  replayLeadScore,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { bookings, leadDuplicates, leadMerges, leads, touchpoints } from '../../db/schema/index.js';
import { reverseLeadMerge } from './merge-leads.js';
import { recordLeadSignals } from './record-lead-signals.js';
import { resolveLeadIdentity } from './resolve-lead-identity.js';

beforeAll(() => getTestDatabase());

const DAY = 86_400_000;
const PHONE = '13811112222';

const view = (t: TestApp, daysAgo: number): TouchpointEvent => ({
  id: randomUUID(),
  type: 'consultation_request',
  occurredAt: new Date(t.clock.now().getTime() - daysAgo * DAY).toISOString(),
  channel: 'fair',
  props: {},
});

/** A lead from an offline list (no openid): with a history and a trial booking. */
async function offlineLead(t: TestApp, phone = PHONE, over: Partial<typeof leads.$inferInsert> = {}) {
  const [lead] = await t.db
    .insert(leads)
    .values({
      name: '展会访客',
      phone,
      source: 'fair',
      createdAt: new Date(t.clock.now().getTime() - 5 * DAY),
      ...over,
    })
    .returning();
  if (!lead) throw new Error('insert failed');
  const events = [view(t, 4), view(t, 3)];
  await t.db.transaction((tx) => recordLeadSignals(tx, { leadId: lead.id, signals: events, now: t.clock.now() }));
  const session = await createTestSession(t, await createTestCatalog(t), { inDays: 1 });
  const [booking] = await t.db.insert(bookings).values({ sessionId: session.id, leadId: lead.id }).returning();
  return { lead, events, booking };
}

const bindPhone = (t: TestApp, token: string, phone = PHONE) =>
  t.request('/api/auth/phone', { method: 'POST', token, json: { code: `phone-${phone}` } });

const leadRow = async (t: TestApp, id: string) => (await t.db.select().from(leads).where(eq(leads.id, id)))[0];
const touchpointIdsOf = async (t: TestApp, id: string) =>
  (await t.db.select({ id: touchpoints.id }).from(touchpoints).where(eq(touchpoints.leadId, id))).map((r) => r.id);

async function registeredProspect(t: TestApp, phone = PHONE) {
  const me = await logInAs(t, `i${randomUUID().slice(0, 8)}`);
  await registerThroughApi(t, me.token, { phone });
  return me;
}

describe('identity resolution', () => {
  it('a typed number only flags the offline lead; the verified number absorbs it with its history', async () => {
    const t = await createTestApp();
    const offline = await offlineLead(t);
    const me = await registeredProspect(t);
    expect(await t.db.select().from(leadDuplicates)).toMatchObject([
      { leadId: me.leadId, duplicateOfLeadId: offline.lead.id, reason: 'unverified-phone', resolvedAt: null },
    ]);
    expect(await touchpointIdsOf(t, offline.lead.id)).toHaveLength(2);

    t.clock.advance(60_000);
    expect((await bindPhone(t, me.token)).status).toBe(200);
    const [merge] = await t.db.select().from(leadMerges);
    expect(merge).toMatchObject({
      survivorLeadId: me.leadId,
      absorbedLeadId: offline.lead.id,
      cause: 'phone_binding',
      reason: 'offline-lead-claimed',
      moved: { bookings: [offline.booking?.id], survivorBefore: { source: 'mini_program', sourceCampaignId: null } },
      reversedAt: null,
    });
    expect(merge?.moved.touchpoints.map((m) => m.id).sort()).toEqual(offline.events.map((e) => e.id).sort());
    expect((await touchpointIdsOf(t, me.leadId)).sort()).toEqual(
      expect.arrayContaining(offline.events.map((e) => e.id)),
    );
    expect(await touchpointIdsOf(t, offline.lead.id)).toEqual([]);
    expect((await t.db.select().from(bookings))[0]?.leadId).toBe(me.leadId);
    expect(await leadRow(t, offline.lead.id)).toMatchObject({ mergedIntoLeadId: me.leadId, erasedAt: null });
    // First touch: the fair came first. The flag is resolved by the merge.
    expect(await leadRow(t, me.leadId)).toMatchObject({ source: 'fair' });
    expect((await t.db.select().from(leadDuplicates))[0]?.resolvedAt).toEqual(t.clock.now());
    const score = await replayLeadScore(t.db, me.leadId, t.clock.now());
    expect(score.stored).toBeCloseTo(score.replayed, 6);
    expect(score.stored).toBeGreaterThan(40); // two consultation requests on top of the registration
  });

  it('two WeChat users with one number are flagged once, the newer as the duplicate', async () => {
    const t = await createTestApp();
    const parent = await registeredProspect(t);
    t.clock.advance(1000);
    const student = await registeredProspect(t);
    // Resolving again (the student binds the number) flags nothing new and merges nothing.
    expect(await bindPhone(t, student.token)).toMatchObject({ status: 200 });
    expect(await t.db.select().from(leadDuplicates)).toMatchObject([
      { leadId: student.leadId, duplicateOfLeadId: parent.leadId, reason: 'different-wechat-users' },
    ]);
    expect(await t.db.select().from(leadMerges)).toEqual([]);
  });

  it('two registrations of one number at the same moment end in one flag', async () => {
    const t = await createTestApp();
    const a = await logInAs(t, `c${randomUUID().slice(0, 8)}`);
    const b = await logInAs(t, `c${randomUUID().slice(0, 8)}`);
    await Promise.all([
      registerThroughApi(t, a.token, { phone: PHONE }),
      registerThroughApi(t, b.token, { phone: PHONE }),
    ]);
    expect(await t.db.select().from(leadDuplicates)).toHaveLength(1);
  });

  it('two verified bindings of one number at once: one absorbs the offline lead, the other is flagged', async () => {
    const t = await createTestApp();
    const offline = await offlineLead(t);
    const a = await registeredProspect(t, '13900000001');
    const b = await registeredProspect(t, '13900000002');
    const replies = await Promise.all([bindPhone(t, a.token), bindPhone(t, b.token)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    const merges = await t.db.select().from(leadMerges);
    expect(merges).toHaveLength(1);
    expect(merges[0]?.absorbedLeadId).toBe(offline.lead.id);
    const survivor = merges[0]?.survivorLeadId;
    const flags = await t.db.select().from(leadDuplicates);
    expect(flags).toMatchObject([{ reason: 'different-wechat-users' }]);
    expect([flags[0]?.leadId, flags[0]?.duplicateOfLeadId]).toContain(survivor);
  });

  it('a manager reverses a merge: history, bookings and attribution go back, the score is rebuilt', async () => {
    const t = await createTestApp();
    const offline = await offlineLead(t);
    const me = await registeredProspect(t);
    const ownIds = await touchpointIdsOf(t, me.leadId);
    const receivedBefore = (await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, offline.lead.id))).map(
      (r) => [r.id, r.receivedAt.toISOString()],
    );
    t.clock.advance(60_000);
    await bindPhone(t, me.token);
    const [merge] = await t.db.select().from(leadMerges);
    t.clock.advance(60_000);

    const ctx = { db: t.db, now: t.clock.now };
    const reversed = await reverseLeadMerge(ctx, { mergeId: merge?.id ?? '', advisorId: null });
    expect(reversed.reversedAt).toEqual(t.clock.now());
    expect((await touchpointIdsOf(t, me.leadId)).sort()).toEqual(ownIds.sort());
    const back = await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, offline.lead.id));
    expect(back.map((r) => [r.id, r.receivedAt.toISOString()]).sort()).toEqual(receivedBefore.sort());
    expect((await t.db.select().from(bookings))[0]?.leadId).toBe(offline.lead.id);
    expect(await leadRow(t, offline.lead.id)).toMatchObject({ mergedIntoLeadId: null });
    expect(await leadRow(t, me.leadId)).toMatchObject({ source: 'mini_program' });
    const score = await replayLeadScore(t.db, me.leadId, t.clock.now());
    expect(score.stored).toBeCloseTo(score.replayed, 6);

    await expect(reverseLeadMerge(ctx, { mergeId: merge?.id ?? '', advisorId: null })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(reverseLeadMerge(ctx, { mergeId: randomUUID(), advisorId: null })).rejects.toMatchObject({
      code: 'not_found',
    });
    // Binding again does not undo the manager's decision: the pair stays apart, flagged.
    await bindPhone(t, me.token);
    expect(await t.db.select().from(leadMerges)).toHaveLength(1);
    const flags = await t.db.select().from(leadDuplicates);
    expect(flags.map((f) => f.reason)).toEqual(['unverified-phone']);
  });

  it('an import matching another offline lead merges it into the older one; erased leads are left alone', async () => {
    const t = await createTestApp();
    const older = await offlineLead(t);
    const [erased] = await t.db.insert(leads).values({ phone: PHONE, erasedAt: t.clock.now() }).returning();
    const [imported] = await t.db
      .insert(leads)
      .values({ name: '讲座名单', phone: PHONE, source: 'import' })
      .returning();
    const decisions = await t.db.transaction((tx) =>
      resolveLeadIdentity(tx, { leadId: imported?.id ?? '', cause: 'import', now: t.clock.now() }),
    );
    expect(decisions).toEqual([
      { action: 'merge', survivorId: older.lead.id, absorbedId: imported?.id, reason: 'offline-duplicates' },
    ]);
    expect(await leadRow(t, erased?.id ?? '')).toMatchObject({ mergedIntoLeadId: null });
  });
});
