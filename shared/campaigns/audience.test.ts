import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOURNEY_STAGES } from '../journey/stages.js';
import { LIFECYCLE_STAGES } from '../lifecycle/stages.js';
import {
  type AudienceCondition,
  type AudiencePredicate,
  audiencePredicateSchema,
  matchesAudience,
  measureAudience,
} from './audience.js';
import { buildLeadFacts, buildTrialFacts } from './campaign-test-kit.js';
import type { CampaignLeadFacts } from './lead-facts.js';

const DAY_MS = 86_400_000;
const now = new Date('2026-11-23T02:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const lead = (overrides: Partial<CampaignLeadFacts> = {}) => buildLeadFacts(daysAgo(40), overrides);

describe('matchesAudience: each condition', () => {
  const cases: [string, AudienceCondition, Partial<CampaignLeadFacts>, boolean][] = [
    ['lifecycle stage in', { kind: 'lifecycle_stage', in: ['dormant', 'engaged'] }, {}, true],
    ['lifecycle stage not in', { kind: 'lifecycle_stage', in: ['customer'] }, {}, false],
    ['journey stage', { kind: 'journey_stage', in: ['considering'] }, { journeyStage: 'considering' }, true],
    ['score within', { kind: 'score', min: 20, max: 40 }, { scoreTotal: 20 }, true],
    ['score at max', { kind: 'score', max: 40 }, { scoreTotal: 40 }, true],
    ['score below', { kind: 'score', min: 20.5 }, { scoreTotal: 20 }, false],
    ['campus', { kind: 'campus', in: ['campus-xuhui'] }, {}, true],
    ['no campus is not in any campus', { kind: 'campus', in: ['campus-xuhui'] }, { campusId: null }, false],
    ['course interest', { kind: 'course_interest', in: ['course-toefl'] }, {}, false],
    ['role', { kind: 'role', in: ['parent'] }, {}, true],
    ['source', { kind: 'source', in: ['fair'] }, { source: 'fair' }, true],
    ['no source', { kind: 'source', in: ['fair'] }, { source: null }, false],
    ['inactive exactly 30 days', { kind: 'inactive', minDays: 30 }, { lastActivityAt: daysAgo(30) }, true],
    ['inactive 29.9 days', { kind: 'inactive', minDays: 30 }, { lastActivityAt: daysAgo(29.9) }, false],
    ['inactive counts from creation', { kind: 'inactive', minDays: 30 }, { lastActivityAt: null }, true],
    [
      'inactive at most 60 days (60.9)',
      { kind: 'inactive', minDays: 30, maxDays: 60 },
      { lastActivityAt: daysAgo(60.9) },
      true,
    ],
    [
      'inactive over 60 days (61)',
      { kind: 'inactive', minDays: 30, maxDays: 60 },
      { lastActivityAt: daysAgo(61) },
      false,
    ],
    ['has a grant', { kind: 'has_grant', template: 'new_content' }, { grants: { new_content: 1 } }, true],
    ['a spent grant is none', { kind: 'has_grant', template: 'new_content' }, { grants: { new_content: 0 } }, false],
    [
      'registered within 7 days',
      { kind: 'occurred_within', event: 'registered', days: 7 },
      { registeredAt: daysAgo(7) },
      true,
    ],
    [
      'registered 8 days ago',
      { kind: 'occurred_within', event: 'registered', days: 7 },
      { registeredAt: daysAgo(8) },
      false,
    ],
    ['never registered', { kind: 'occurred_within', event: 'registered', days: 7 }, { registeredAt: null }, false],
    [
      'booked within 3 days',
      { kind: 'occurred_within', event: 'trial_booked', days: 3 },
      { trial: buildTrialFacts(daysAgo(-1)) },
      true,
    ],
    [
      'enrolled within 30 days',
      { kind: 'occurred_within', event: 'enrolled', days: 30 },
      { enrolledAt: daysAgo(2) },
      true,
    ],
    [
      'trial status',
      { kind: 'trial_status', in: ['no_show'] },
      { trial: buildTrialFacts(now, { status: 'no_show' }) },
      true,
    ],
    ['no booking has no status', { kind: 'trial_status', in: ['booked'] }, { trial: null }, false],
    ['tags any of', { kind: 'tags', anyOf: ['vip', 'fair-2026'] }, { tags: ['fair-2026'] }, true],
    ['no tags', { kind: 'tags', anyOf: ['vip'] }, { tags: [] }, false],
  ];
  it.each(cases)('%s', (_, condition, overrides, expected) => {
    expect(matchesAudience(lead(overrides), condition, now)).toBe(expected);
    // The negation of a condition on a missing value is true, as SQL's NOT coalesce(…, false).
    expect(matchesAudience(lead(overrides), { not: condition }, now)).toBe(!expected);
  });

  it("has_grant without a template means the step's own template", () => {
    const facts = lead({ grants: { trial_reminder: 1 } });
    expect(matchesAudience(facts, { kind: 'has_grant' }, now, { stepTemplate: 'trial_reminder' })).toBe(true);
    expect(matchesAudience(facts, { kind: 'has_grant' }, now, { stepTemplate: 'new_content' })).toBe(false);
    expect(matchesAudience(facts, { kind: 'has_grant' }, now)).toBe(false);
  });
});

const conditionArb: fc.Arbitrary<AudienceCondition> = fc.oneof(
  fc.record({
    kind: fc.constant('lifecycle_stage' as const),
    in: fc.subarray([...LIFECYCLE_STAGES], { minLength: 1 }),
  }),
  fc.record({ kind: fc.constant('journey_stage' as const), in: fc.subarray([...JOURNEY_STAGES], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('score' as const), min: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('inactive' as const), minDays: fc.integer({ min: 0, max: 90 }) }),
  fc.record({ kind: fc.constant('tags' as const), anyOf: fc.subarray(['vip', 'fair'], { minLength: 1 }) }),
);
const predicateArb: fc.Arbitrary<AudiencePredicate> = fc.letrec<{ p: AudiencePredicate }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    conditionArb,
    fc.record({ all: fc.array(tie('p'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('p'), { maxLength: 3 }) }),
    fc.record({ not: tie('p') }),
  ),
})).p;
const factsArb = fc
  .record({
    lifecycleStage: fc.constantFrom(...LIFECYCLE_STAGES),
    journeyStage: fc.constantFrom(...JOURNEY_STAGES),
    scoreTotal: fc.integer({ min: 0, max: 80 }),
    idleDays: fc.integer({ min: 0, max: 120 }),
    tags: fc.subarray(['vip', 'fair', 'other']),
  })
  .map(({ idleDays, ...rest }) => lead({ ...rest, lastActivityAt: daysAgo(idleDays) }));

describe('matchesAudience: the algebra the SQL translation relies on', () => {
  it('all/any/not follow Boolean logic (De Morgan, identities)', () => {
    fc.assert(
      fc.property(factsArb, predicateArb, predicateArb, (facts, a, b) => {
        const m = (p: AudiencePredicate) => matchesAudience(facts, p, now);
        expect(m({ all: [a, b] })).toBe(m(a) && m(b));
        expect(m({ any: [a, b] })).toBe(m(a) || m(b));
        expect(m({ not: { all: [a, b] } })).toBe(m({ any: [{ not: a }, { not: b }] }));
        expect(m({ not: { not: a } })).toBe(m(a));
        expect(m({ all: [] })).toBe(true);
        expect(m({ any: [] })).toBe(false);
      }),
    );
  });

  it('every generated predicate parses, and measures its depth and conditions', () => {
    fc.assert(
      fc.property(predicateArb, (p) => {
        expect(audiencePredicateSchema.parse(p)).toEqual(p);
        const size = measureAudience(p);
        expect(size.depth).toBeGreaterThanOrEqual(1);
        expect(size.conditions).toBe(JSON.stringify(p).split('"kind"').length - 1);
      }),
    );
  });

  it('refuses unknown condition kinds, empty lists and inverted ranges', () => {
    for (const bad of [
      { kind: 'city', in: ['上海'] },
      { kind: 'lifecycle_stage', in: [] },
      { kind: 'score', min: 50, max: 10 },
      { kind: 'score' },
      { kind: 'inactive', minDays: 30, maxDays: 10 },
      { all: [{ kind: 'tags', anyOf: ['x'] }], any: [] },
    ]) {
      expect(audiencePredicateSchema.safeParse(bad).success).toBe(false);
    }
  });
});
