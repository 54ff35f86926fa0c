import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, getTestDatabase, one, type TestApp } from '../../tests/helpers/index.js';
import { migrateDatabase } from './migrate.js';
import {
  bookings,
  campuses,
  courses,
  leads,
  messageOutbox,
  scoringModels,
  touchpoints,
  trialSessions,
} from './schema/index.js';

// The database itself enforces the product's "never" rules (SPEC §4); these tests pin them.
describe('database schema', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });

  async function seedSession(capacity: number) {
    const campus = one(await t.db.insert(campuses).values({ name: '徐汇校区', city: '上海' }).returning());
    const course = one(await t.db.insert(courses).values({ code: 'ielts-7', name: '雅思 7 分班' }).returning());
    return one(
      await t.db
        .insert(trialSessions)
        .values({
          courseId: course.id,
          campusId: campus.id,
          title: '雅思试听',
          startsAt: new Date('2026-03-10T10:00:00Z'),
          capacity,
        })
        .returning(),
    );
  }

  it('migrating again is a no-op', async () => {
    const database = await getTestDatabase();
    await migrateDatabase(database.handle);
    expect(await t.db.$count(leads)).toBe(0);
  });

  it('stores a touchpoint id once (idempotent ingest)', async () => {
    const lead = one(await t.db.insert(leads).values({ openid: 'o_alice' }).returning());
    const row = { id: crypto.randomUUID(), leadId: lead.id, type: 'page_view', occurredAt: t.clock.now() };
    const first = await t.db.insert(touchpoints).values(row).onConflictDoNothing().returning();
    const again = await t.db.insert(touchpoints).values(row).onConflictDoNothing().returning();
    expect([first.length, again.length]).toEqual([1, 0]);
  });

  it('never lets seats taken exceed capacity', async () => {
    const session = await seedSession(1);
    const take = () =>
      t.db
        .update(trialSessions)
        .set({ seatsTaken: sql`${trialSessions.seatsTaken} + 1` })
        .where(eq(trialSessions.id, session.id))
        .returning();
    await take();
    await expect(take()).rejects.toThrow();
  });

  it('allows one active booking per session and lead, and rebooking after a cancellation', async () => {
    const session = await seedSession(5);
    const lead = one(await t.db.insert(leads).values({ openid: 'o_bob' }).returning());
    const book = () => t.db.insert(bookings).values({ sessionId: session.id, leadId: lead.id }).returning();
    const first = one(await book());
    await expect(book()).rejects.toThrow();
    await t.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, first.id));
    await expect(book()).resolves.toHaveLength(1);
  });

  it('queues a campaign message at most once per (campaign, step, lead)', async () => {
    const lead = one(await t.db.insert(leads).values({ openid: 'o_carol' }).returning());
    const row = {
      campaignId: 'welcome',
      stepId: 'day-1',
      leadId: lead.id,
      templateId: 'tpl-welcome',
      payload: {},
      scheduledAt: t.clock.now(),
    };
    await t.db.insert(messageOutbox).values(row).onConflictDoNothing();
    await t.db.insert(messageOutbox).values(row).onConflictDoNothing();
    expect(await t.db.$count(messageOutbox, and(eq(messageOutbox.campaignId, 'welcome')))).toBe(1);
  });

  it('keeps at most one active scoring model', async () => {
    await t.db.insert(scoringModels).values({ version: 1, name: 'v1', document: {}, isActive: true });
    await t.db.insert(scoringModels).values({ version: 2, name: 'v2', document: {}, isActive: false });
    await expect(
      t.db.update(scoringModels).set({ isActive: true }).where(eq(scoringModels.version, 2)),
    ).rejects.toThrow();
  });

  it('starts every test with empty tables', async () => {
    expect(await t.db.$count(leads)).toBe(0);
    expect(await t.db.$count(trialSessions)).toBe(0);
  });
});
