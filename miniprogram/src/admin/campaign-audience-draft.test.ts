import {
  type AudienceCondition,
  type AudiencePredicate,
  BUILT_IN_CAMPAIGNS,
  type CampaignLeadFacts,
  campaignDocumentSchema,
  JOURNEY_STAGES,
  LIFECYCLE_STAGES,
  matchesAudience,
} from '@scrm/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AudienceDraft,
  EMPTY_AUDIENCE_DRAFT,
  findAudienceSlot,
  fromAudienceDraft,
  toAudienceDraft,
} from './campaign-audience-draft';

const NOW = new Date('2026-12-03T06:00:00Z');
const DAY = 86_400_000;
const ROLES = ['parent', 'student', 'unknown'] as const;
const STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
const EVENTS = ['registered', 'trial_booked', 'enrolled'] as const;
const TEMPLATES = ['trial_reminder', 'new_content', 'course_update'] as const;
const ids = <T extends string>(values: readonly T[]) => fc.subarray([...values], { minLength: 1 });

/** Every condition kind, with and without its optional parts. */
const conditionArb: fc.Arbitrary<AudienceCondition> = fc.oneof(
  fc.record({ kind: fc.constant('lifecycle_stage' as const), in: ids(LIFECYCLE_STAGES) }),
  fc.record({ kind: fc.constant('journey_stage' as const), in: ids(JOURNEY_STAGES) }),
  fc.oneof(
    fc.record({ kind: fc.constant('score' as const), min: fc.integer({ min: 0, max: 50 }) }),
    fc.record({ kind: fc.constant('score' as const), max: fc.integer({ min: 0, max: 100 }) }),
    fc.record({ kind: fc.constant('score' as const), min: fc.constant(20), max: fc.integer({ min: 20, max: 100 }) }),
  ),
  fc.record({ kind: fc.constant('campus' as const), in: ids(['c1', 'c2', 'c3']) }),
  fc.record({ kind: fc.constant('course_interest' as const), in: ids(['k1', 'k2']) }),
  fc.record({ kind: fc.constant('role' as const), in: ids(ROLES) }),
  fc.record({ kind: fc.constant('source' as const), in: ids(['fair', 'poster']) }),
  fc.oneof(
    fc.record({ kind: fc.constant('inactive' as const), minDays: fc.integer({ min: 0, max: 60 }) }),
    fc.record({
      kind: fc.constant('inactive' as const),
      minDays: fc.constant(7),
      maxDays: fc.integer({ min: 7, max: 90 }),
    }),
  ),
  fc.oneof(
    fc.constant({ kind: 'has_grant' as const }),
    fc.record({ kind: fc.constant('has_grant' as const), template: fc.constantFrom(...TEMPLATES) }),
  ),
  fc.record({
    kind: fc.constant('occurred_within' as const),
    event: fc.constantFrom(...EVENTS),
    days: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({ kind: fc.constant('trial_status' as const), in: ids(STATUSES) }),
  fc.record({ kind: fc.constant('tags' as const), anyOf: ids(['vip', 'fair', 'x']) }),
);

const predicateArb: fc.Arbitrary<AudiencePredicate> = fc.letrec<{ p: AudiencePredicate }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    conditionArb,
    fc.record({ all: fc.array(tie('p'), { maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('p'), { maxLength: 3 }) }),
    fc.record({ not: tie('p') }),
  ),
})).p;

const at = (daysAgo: number | null) => (daysAgo === null ? null : new Date(NOW.getTime() - daysAgo * DAY));
const factsArb: fc.Arbitrary<CampaignLeadFacts> = fc
  .record({
    lifecycleStage: fc.constantFrom(...LIFECYCLE_STAGES),
    journeyStage: fc.constantFrom(...JOURNEY_STAGES),
    scoreTotal: fc.integer({ min: 0, max: 100 }),
    campusId: fc.constantFrom('c1', 'c2', null),
    courseInterest: fc.constantFrom('k1', 'k2', null),
    role: fc.constantFrom(...ROLES),
    source: fc.constantFrom('fair', 'poster', null),
    tags: fc.subarray(['vip', 'fair', 'other']),
    idle: fc.integer({ min: 0, max: 120 }),
    registered: fc.option(fc.integer({ min: 0, max: 90 })),
    booked: fc.option(fc.integer({ min: 0, max: 90 })),
    enrolled: fc.option(fc.integer({ min: 0, max: 90 })),
    status: fc.constantFrom(...STATUSES),
    grant: fc.option(fc.constantFrom(...TEMPLATES)),
  })
  .map(
    (f): CampaignLeadFacts => ({
      leadId: 'l1',
      name: '王子涵',
      role: f.role,
      lifecycleStage: f.lifecycleStage,
      lifecycleStageAt: NOW,
      journeyStage: f.journeyStage,
      journeyStageAt: NOW,
      scoreTotal: f.scoreTotal,
      campusId: f.campusId,
      courseInterest: f.courseInterest,
      courseName: null,
      interestTopic: null,
      source: f.source,
      tags: f.tags,
      createdAt: at(200) as Date,
      registeredAt: at(f.registered),
      lastActivityAt: at(f.idle),
      enrolledAt: at(f.enrolled),
      ownerAdvisorId: null,
      ownerAcceptedAt: null,
      unsubscribedAt: null,
      erasedAt: null,
      grants: f.grant ? { [f.grant]: 1 } : {},
      trial:
        f.booked === null
          ? null
          : {
              bookingId: 'b1',
              status: f.status,
              bookedAt: at(f.booked) as Date,
              startsAt: NOW,
              courseName: 'c',
              campusName: 'x',
              campusAddress: 'y',
            },
      viewedContentIds: [],
    }),
  );

describe('the audience draft <-> the document’s predicate', () => {
  it('selects exactly the leads the original selects, for any predicate (property)', () => {
    fc.assert(
      fc.property(predicateArb, factsArb, fc.constantFrom(undefined, ...TEMPLATES), (audience, facts, stepTemplate) => {
        const roundTrip = fromAudienceDraft(toAudienceDraft(audience));
        const context = stepTemplate ? { stepTemplate } : {};
        expect(matchesAudience(facts, roundTrip, NOW, context)).toBe(matchesAudience(facts, audience, NOW, context));
      }),
      { numRuns: 500 },
    );
  });

  it('reads back every draft it writes, every slot and kept conditions alike (property)', () => {
    const draftArb = fc.array(conditionArb, { maxLength: 16 }).chain((conditions) =>
      fc
        .array(
          fc.oneof(fc.record({ not: conditionArb }), fc.record({ any: fc.array(conditionArb, { maxLength: 2 }) })),
          {
            maxLength: 2,
          },
        )
        .map((kept): AudienceDraft => ({ ...toAudienceDraft({ all: conditions }), kept })),
    );
    fc.assert(
      fc.property(draftArb, (draft) => {
        const written = fromAudienceDraft(draft);
        expect(toAudienceDraft(written)).toEqual(draft);
        expect(fromAudienceDraft(toAudienceDraft(written))).toEqual(written);
      }),
    );
  });

  it('puts each condition kind in its own slot and keeps what the slots cannot hold', () => {
    const audience: AudiencePredicate = {
      all: [
        { kind: 'score', min: 30, max: 80 },
        { kind: 'campus', in: ['c1'] },
        { kind: 'tags', anyOf: ['vip'] },
        { kind: 'inactive', minDays: 7, maxDays: 30 },
        { kind: 'has_grant' },
        { kind: 'occurred_within', event: 'trial_booked', days: 14 },
        { kind: 'campus', in: ['c2'] },
        { not: { kind: 'lifecycle_stage', in: ['customer'] } },
      ],
    };
    expect(toAudienceDraft(audience)).toEqual({
      ...EMPTY_AUDIENCE_DRAFT,
      score: { min: 30, max: 80 },
      campuses: ['c1'],
      tags: ['vip'],
      inactive: { minDays: 7, maxDays: 30 },
      hasGrant: {},
      within: { trial_booked: 14 },
      kept: [{ kind: 'campus', in: ['c2'] }, { not: { kind: 'lifecycle_stage', in: ['customer'] } }],
    });
    expect(fromAudienceDraft(EMPTY_AUDIENCE_DRAFT)).toEqual({ all: [] });
  });

  it('keeps every built-in track’s audience valid and equivalent', () => {
    for (const track of BUILT_IN_CAMPAIGNS) {
      const audience = fromAudienceDraft(toAudienceDraft(track.audience));
      expect(campaignDocumentSchema.safeParse({ ...track, audience }).success).toBe(true);
    }
  });

  it('finds the slot a server issue names, whatever the order of the stored conditions', () => {
    const audience: AudiencePredicate = {
      all: [
        { kind: 'tags', anyOf: ['vip'] },
        { not: { kind: 'role', in: ['student'] } },
        { kind: 'score', min: 9, max: 1 },
      ],
    };
    expect(findAudienceSlot(audience, ['all', '2', 'max'])).toBe('score');
    expect(findAudienceSlot(audience, ['all', '0', 'anyOf'])).toBe('tags');
    expect(findAudienceSlot(audience, ['all', '1'])).toBe('kept');
    expect(findAudienceSlot(audience, [])).toBeNull();
    expect(findAudienceSlot({ kind: 'campus', in: ['c1'] }, ['in'])).toBe('campuses');
  });
});
