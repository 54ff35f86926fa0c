import {
  AUDIENCE_EVENTS,
  type AudienceCondition,
  type AudiencePredicate,
  BOOKING_STATUSES,
  JOURNEY_STAGES,
  LEAD_ROLES,
  LIFECYCLE_STAGES,
  matchesAudience,
  SUBSCRIBE_TEMPLATE_KEYS,
} from '@scrm/shared';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestApp, createTestCatalog, type TestApp } from '../../../tests/helpers/index.js';
import { STAND_IN_TEMPLATE_IDS_BY_KEY } from '../../wechat/stand-in/credentials.js';
import type { Transaction } from '../client.js';
import { bookings, campuses, leads, subscriptions, touchpoints, trialSessions } from '../schema/index.js';
import { audienceToSql } from './campaign-audience-sql.js';
import { campaignFactsRelation, loadCampaignLeadFacts } from './campaign-facts.js';
import { selectRows } from './raw-sql.js';

const HOUR_MS = 3_600_000;
const NOW = new Date('2026-03-20T04:00:00.000Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR_MS);
// Whole days often, so day-boundary comparisons (<= vs <) are exercised.
const hoursArb = fc.oneof(
  fc.integer({ min: 0, max: 14 }).map((days) => days * 24),
  fc.integer({ min: 0, max: 45 * 24 }),
);
const TAGS = ['vip', 'fair', 'school'];
const SOURCES = ['s1', 's2'];
const COURSES = ['c1', 'c2'];

const leadArb = fc.record({
  role: fc.constantFrom(...LEAD_ROLES),
  lifecycleStage: fc.constantFrom(...LIFECYCLE_STAGES),
  journeyStage: fc.constantFrom(...JOURNEY_STAGES),
  scoreTotal: fc.integer({ min: -10, max: 90 }),
  campus: fc.option(fc.constantFrom(0, 1), { nil: null }),
  courseInterest: fc.option(fc.constantFrom(...COURSES), { nil: null }),
  source: fc.option(fc.constantFrom(...SOURCES), { nil: null }),
  tags: fc.subarray(TAGS),
  createdHoursAgo: hoursArb,
  lastActivityHoursAgo: fc.option(hoursArb, { nil: null }),
  registeredHoursAgo: fc.option(hoursArb, { nil: null }),
  enrolledHoursAgo: fc.option(hoursArb, { nil: null }),
  booking: fc.option(fc.record({ status: fc.constantFrom(...BOOKING_STATUSES), hoursAgo: hoursArb }), { nil: null }),
  grants: fc.array(
    fc.record({ key: fc.constantFrom(...SUBSCRIBE_TEMPLATE_KEYS), remaining: fc.integer({ min: 0, max: 2 }) }),
    {
      maxLength: 2,
    },
  ),
});
type LeadSpec = typeof leadArb extends fc.Arbitrary<infer T> ? T : never;

const daysArb = fc.integer({ min: 0, max: 12 });
const conditionArb = (campusIds: string[]): fc.Arbitrary<AudienceCondition> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('lifecycle_stage' as const),
      in: fc.subarray([...LIFECYCLE_STAGES], { minLength: 1 }),
    }),
    fc.record({ kind: fc.constant('journey_stage' as const), in: fc.subarray([...JOURNEY_STAGES], { minLength: 1 }) }),
    fc.record({ kind: fc.constant('score' as const), min: fc.integer({ min: -5, max: 80 }) }),
    fc.record({ kind: fc.constant('score' as const), max: fc.integer({ min: -5, max: 80 }) }),
    fc.record({ kind: fc.constant('campus' as const), in: fc.subarray(campusIds, { minLength: 1 }) }),
    fc.record({ kind: fc.constant('course_interest' as const), in: fc.subarray(COURSES, { minLength: 1 }) }),
    fc.record({ kind: fc.constant('role' as const), in: fc.subarray([...LEAD_ROLES], { minLength: 1 }) }),
    fc.record({ kind: fc.constant('source' as const), in: fc.subarray(SOURCES, { minLength: 1 }) }),
    fc.record({ kind: fc.constant('inactive' as const), minDays: daysArb }),
    daysArb.chain((minDays) =>
      fc.record({
        kind: fc.constant('inactive' as const),
        minDays: fc.constant(minDays),
        maxDays: fc.integer({ min: minDays, max: 50 }),
      }),
    ),
    fc.record({ kind: fc.constant('has_grant' as const), template: fc.constantFrom(...SUBSCRIBE_TEMPLATE_KEYS) }),
    fc.record({ kind: fc.constant('has_grant' as const) }),
    fc.record({
      kind: fc.constant('occurred_within' as const),
      event: fc.constantFrom(...AUDIENCE_EVENTS),
      days: fc.integer({ min: 1, max: 45 }),
    }),
    fc.record({ kind: fc.constant('trial_status' as const), in: fc.subarray([...BOOKING_STATUSES], { minLength: 1 }) }),
    fc.record({ kind: fc.constant('tags' as const), anyOf: fc.subarray(TAGS, { minLength: 1 }) }),
  );

const predicateArb = (campusIds: string[]) =>
  fc.letrec<{ p: AudiencePredicate }>((tie) => ({
    p: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      conditionArb(campusIds),
      fc.record({ all: fc.array(tie('p'), { maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('p'), { maxLength: 3 }) }),
      fc.record({ not: tie('p') }),
    ),
  })).p;

async function insertLead(tx: Transaction, spec: LeadSpec, ctx: { campusIds: string[]; sessionId: string }) {
  const [row] = await tx
    .insert(leads)
    .values({
      role: spec.role,
      lifecycleStage: spec.lifecycleStage,
      journeyStage: spec.journeyStage,
      scoreTotal: spec.scoreTotal,
      campusId: spec.campus === null ? null : ctx.campusIds[spec.campus],
      courseInterest: spec.courseInterest,
      source: spec.source,
      tags: spec.tags,
      createdAt: ago(spec.createdHoursAgo),
      lastActivityAt: spec.lastActivityHoursAgo === null ? null : ago(spec.lastActivityHoursAgo),
    })
    .returning({ id: leads.id });
  const leadId = (row as { id: string }).id;
  const events: [string, number | null][] = [
    ['registration', spec.registeredHoursAgo],
    ['enrolled', spec.enrolledHoursAgo],
  ];
  for (const [type, hours] of events) {
    if (hours === null) continue;
    await tx.insert(touchpoints).values({ id: crypto.randomUUID(), leadId, type, occurredAt: ago(hours) });
  }
  if (spec.booking) {
    await tx.insert(bookings).values({
      sessionId: ctx.sessionId,
      leadId,
      status: spec.booking.status,
      createdAt: ago(spec.booking.hoursAgo),
    });
  }
  for (const grant of spec.grants) {
    await tx
      .insert(subscriptions)
      .values({
        leadId,
        templateId: STAND_IN_TEMPLATE_IDS_BY_KEY[grant.key],
        grantedCount: 2,
        spentCount: 2 - grant.remaining,
      })
      .onConflictDoNothing();
  }
  return leadId;
}

class Rollback extends Error {}

/** Runs `body` in a transaction that is always rolled back, so runs do not see each other's leads. */
async function inRolledBackTransaction(t: TestApp, body: (tx: Transaction) => Promise<void>) {
  try {
    await t.db.transaction(async (tx) => {
      await body(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

describe('audienceToSql', () => {
  it('selects exactly the leads matchesAudience selects (generated leads and predicates)', async () => {
    const t = await createTestApp({ now: NOW });
    const catalog = await createTestCatalog(t);
    const [other] = await t.db.insert(campuses).values({ name: '浦东', city: '上海' }).returning();
    const campusIds = [catalog.campus.id, (other as { id: string }).id];
    const [session] = await t.db
      .insert(trialSessions)
      .values({ courseId: catalog.course.id, campusId: catalog.campus.id, title: '试听', startsAt: NOW, capacity: 99 })
      .returning();
    const sessionId = (session as { id: string }).id;
    await fc.assert(
      fc.asyncProperty(
        fc.array(leadArb, { minLength: 1, maxLength: 8 }),
        predicateArb(campusIds),
        fc.constantFrom(...SUBSCRIBE_TEMPLATE_KEYS),
        async (specs, predicate, stepTemplate) => {
          await inRolledBackTransaction(t, async (tx) => {
            const ids: string[] = [];
            for (const spec of specs) ids.push(await insertLead(tx, spec, { campusIds, sessionId }));
            const where = audienceToSql(predicate, {
              now: NOW,
              stepTemplate,
              templateIds: STAND_IN_TEMPLATE_IDS_BY_KEY,
            });
            const selected = await selectRows<{ lead_id: string }>(
              tx,
              sql`select f.lead_id from ${campaignFactsRelation()} f where ${where}`,
            );
            const facts = await loadCampaignLeadFacts(tx, ids, STAND_IN_TEMPLATE_IDS_BY_KEY);
            const expected = ids.filter((id) => {
              const lead = facts.get(id);
              if (!lead) throw new Error(`no facts for ${id}`);
              return matchesAudience(lead, predicate, NOW, { stepTemplate });
            });
            expect(selected.map((r) => r.lead_id).sort()).toEqual(expected.sort());
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads the latest booking, the event times and the unspent grants into the facts', async () => {
    const t = await createTestApp({ now: NOW });
    const catalog = await createTestCatalog(t);
    const [session] = await t.db
      .insert(trialSessions)
      .values({ courseId: catalog.course.id, campusId: catalog.campus.id, title: '试听', startsAt: NOW, capacity: 9 })
      .returning();
    await inRolledBackTransaction(t, async (tx) => {
      const spec: LeadSpec = {
        role: 'parent',
        lifecycleStage: 'engaged',
        journeyStage: 'exploring',
        scoreTotal: 12,
        campus: 0,
        courseInterest: 'c1',
        source: 's1',
        tags: ['vip'],
        createdHoursAgo: 100,
        lastActivityHoursAgo: 5,
        registeredHoursAgo: 90,
        enrolledHoursAgo: null,
        booking: { status: 'no_show', hoursAgo: 30 },
        grants: [{ key: 'trial_reminder', remaining: 1 }],
      };
      const id = await insertLead(tx, spec, {
        campusIds: [catalog.campus.id],
        sessionId: (session as { id: string }).id,
      });
      await tx
        .insert(bookings)
        .values({ sessionId: (session as { id: string }).id, leadId: id, status: 'cancelled', createdAt: ago(60) });
      const facts = (await loadCampaignLeadFacts(tx, [id], STAND_IN_TEMPLATE_IDS_BY_KEY)).get(id);
      expect(facts).toMatchObject({
        tags: ['vip'],
        registeredAt: ago(90),
        enrolledAt: null,
        grants: { trial_reminder: 1 },
        trial: { status: 'no_show', bookedAt: ago(30), courseName: '雅思 7 分冲刺', campusName: '上海徐汇校区' },
      });
    });
  });
});
