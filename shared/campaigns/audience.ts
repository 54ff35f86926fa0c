/**
 * Audience predicates (SPEC §2.5 "audience predicates (stage, score range, tags, inactivity)",
 * issue 13): a small closed set of conditions on a lead's facts, combined with `all`, `any` and
 * `not`. Each condition is one SQL boolean expression over the planning statement's columns, so a
 * whole audience becomes one `WHERE` clause of one set-based statement; `matchesAudience` is the
 * reference the SQL translation is property-tested against.
 *
 * Semantics that the SQL must share: a condition on a missing value (no campus, no booking) is
 * false, never unknown (`coalesce(…, false)` in SQL), so `not` of it is true; `all: []` is true and
 * `any: []` is false. Durations are whole days of 24 hours counted back from `now`.
 */
import { z } from 'zod';
import { BOOKING_STATUSES } from '../contracts/trial-sessions.js';
import { JOURNEY_STAGES } from '../journey/stages.js';
import { LIFECYCLE_STAGES } from '../lifecycle/stages.js';
import { LEAD_ROLES } from '../scoring/lead-profile.js';
import type { CampaignLeadFacts } from './lead-facts.js';
import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey } from './subscribe-templates.js';

const DAY_MS = 86_400_000;
const idList = z
  .array(z.string().trim().min(1, { error: '不能为空' }).max(64, { error: '最多 64 字' }))
  .min(1, { error: '至少选一项' })
  .max(100, { error: '最多选 100 项' });
const days = z
  .number()
  .int({ error: '天数须为整数' })
  .min(0, { error: '天数不能为负' })
  .max(3650, { error: '最多 3650 天' });
const stageList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).min(1, { error: '至少选一项' });

/** Events whose time an `occurred_within` condition tests. */
export const AUDIENCE_EVENTS = ['registered', 'trial_booked', 'enrolled'] as const;
export type AudienceEvent = (typeof AUDIENCE_EVENTS)[number];

/** One condition on a lead (SQL in the comments: the planning statement's columns). */
export const audienceConditionSchema = z.discriminatedUnion('kind', [
  // lifecycle_stage = any($in)
  z.strictObject({ kind: z.literal('lifecycle_stage'), in: stageList(LIFECYCLE_STAGES) }),
  // journey_stage = any($in)
  z.strictObject({ kind: z.literal('journey_stage'), in: stageList(JOURNEY_STAGES) }),
  // score_total between $min and $max (either bound may be left out; both inclusive)
  z
    .strictObject({
      kind: z.literal('score'),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
    })
    .refine((c) => c.min !== undefined || c.max !== undefined, { error: '请填写最低分或最高分' })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
      error: '最低分不能高于最高分',
      path: ['max'],
    }),
  // campus_id = any($in)
  z.strictObject({ kind: z.literal('campus'), in: idList }),
  // course_interest = any($in)
  z.strictObject({ kind: z.literal('course_interest'), in: idList }),
  // role = any($in)
  z.strictObject({ kind: z.literal('role'), in: stageList(LEAD_ROLES) }),
  // source = any($in)
  z.strictObject({ kind: z.literal('source'), in: idList }),
  // coalesce(last_activity_at, created_at) <= $now - minDays days
  //   [and > $now - (maxDays + 1) days]
  z
    .strictObject({ kind: z.literal('inactive'), minDays: days, maxDays: days.optional() })
    .refine((c) => c.maxDays === undefined || c.minDays <= c.maxDays, {
      error: '最少天数不能多于最多天数',
      path: ['maxDays'],
    }),
  // grants.remaining > 0 for the template (the step's own when `template` is left out)
  z.strictObject({ kind: z.literal('has_grant'), template: z.enum(SUBSCRIBE_TEMPLATE_KEYS).optional() }),
  // <event>_at >= $now - days days
  z.strictObject({
    kind: z.literal('occurred_within'),
    event: z.enum(AUDIENCE_EVENTS),
    days: days.min(1, { error: '至少 1 天' }),
  }),
  // latest booking's status = any($in)
  z.strictObject({ kind: z.literal('trial_status'), in: stageList(BOOKING_STATUSES) }),
  // tags && $anyOf
  z.strictObject({ kind: z.literal('tags'), anyOf: idList }),
]);
export type AudienceCondition = z.infer<typeof audienceConditionSchema>;
export type AudienceConditionKind = AudienceCondition['kind'];

export type AudiencePredicate =
  | AudienceCondition
  | { all: AudiencePredicate[] }
  | { any: AudiencePredicate[] }
  | { not: AudiencePredicate };

/** Bounds that keep the translated `WHERE` clause small. */
export const AUDIENCE_LIMITS = { maxDepth: 5, maxConditions: 40 } as const;

export const audiencePredicateSchema: z.ZodType<AudiencePredicate> = z.lazy(() =>
  z.union([
    audienceConditionSchema,
    z.strictObject({ all: z.array(audiencePredicateSchema).max(AUDIENCE_LIMITS.maxConditions) }),
    z.strictObject({ any: z.array(audiencePredicateSchema).max(AUDIENCE_LIMITS.maxConditions) }),
    z.strictObject({ not: audiencePredicateSchema }),
  ]),
);

/** Everyone: the audience of a campaign that sets none. */
export const EVERYONE_AUDIENCE: AudiencePredicate = { all: [] };

/** Depth and number of conditions of a predicate (checked against `AUDIENCE_LIMITS`). */
export function measureAudience(predicate: AudiencePredicate): { depth: number; conditions: number } {
  if ('kind' in predicate) return { depth: 1, conditions: 1 };
  const children = 'not' in predicate ? [predicate.not] : 'all' in predicate ? predicate.all : predicate.any;
  const sizes = children.map(measureAudience);
  return {
    depth: 1 + Math.max(0, ...sizes.map((s) => s.depth)),
    conditions: sizes.reduce((sum, s) => sum + s.conditions, 0),
  };
}

/** Context a condition may need besides the lead: the template of the step being planned. */
export interface AudienceContext {
  stepTemplate?: SubscribeTemplateKey;
}

function eventTime(facts: CampaignLeadFacts, event: AudienceEvent): Date | null {
  switch (event) {
    case 'registered':
      return facts.registeredAt;
    case 'trial_booked':
      return facts.trial?.bookedAt ?? null;
    case 'enrolled':
      return facts.enrolledAt;
    default: {
      const never: never = event;
      return never;
    }
  }
}

const isIn = <T>(value: T | null, list: readonly T[]) => value !== null && list.includes(value);

/** Whether one condition holds for `facts` at `now` (see the SQL beside each schema). */
export function matchesCondition(
  facts: CampaignLeadFacts,
  condition: AudienceCondition,
  now: Date,
  context: AudienceContext = {},
): boolean {
  const nowMs = now.getTime();
  switch (condition.kind) {
    case 'lifecycle_stage':
      return condition.in.includes(facts.lifecycleStage);
    case 'journey_stage':
      return condition.in.includes(facts.journeyStage);
    case 'score':
      return (
        (condition.min === undefined || facts.scoreTotal >= condition.min) &&
        (condition.max === undefined || facts.scoreTotal <= condition.max)
      );
    case 'campus':
      return isIn(facts.campusId, condition.in);
    case 'course_interest':
      return isIn(facts.courseInterest, condition.in);
    case 'role':
      return condition.in.includes(facts.role);
    case 'source':
      return isIn(facts.source, condition.in);
    case 'inactive': {
      const lastMs = (facts.lastActivityAt ?? facts.createdAt).getTime();
      return (
        lastMs <= nowMs - condition.minDays * DAY_MS &&
        (condition.maxDays === undefined || lastMs > nowMs - (condition.maxDays + 1) * DAY_MS)
      );
    }
    case 'has_grant': {
      const template = condition.template ?? context.stepTemplate;
      return template !== undefined && (facts.grants[template] ?? 0) > 0;
    }
    case 'occurred_within': {
      const at = eventTime(facts, condition.event);
      return at !== null && at.getTime() >= nowMs - condition.days * DAY_MS;
    }
    case 'trial_status':
      return isIn(facts.trial?.status ?? null, condition.in);
    case 'tags':
      return facts.tags.some((tag) => condition.anyOf.includes(tag));
    default: {
      const never: never = condition;
      return never;
    }
  }
}

/**
 * Whether the lead is in the audience at `now` (SPEC §2.5). The reference semantics of the
 * audience's SQL translation: the server's `WHERE` clause must select exactly the leads for which
 * this returns true.
 *
 * @example
 * matchesAudience(facts, { all: [{ kind: 'lifecycle_stage', in: ['dormant'] }, { kind: 'inactive', minDays: 30 }] }, now)
 */
export function matchesAudience(
  facts: CampaignLeadFacts,
  audience: AudiencePredicate,
  now: Date,
  context: AudienceContext = {},
): boolean {
  if ('kind' in audience) return matchesCondition(facts, audience, now, context);
  if ('not' in audience) return !matchesAudience(facts, audience.not, now, context);
  if ('all' in audience) return audience.all.every((p) => matchesAudience(facts, p, now, context));
  return audience.any.some((p) => matchesAudience(facts, p, now, context));
}
