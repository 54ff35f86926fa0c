/**
 * A campaign as data (SPEC §2.5, issue 13 "a campaign is a versioned document validated with
 * zod"): who enters (a trigger event or an audience), the steps, the send rules and the exit
 * rules. The server stores the document as JSON with its version history, as the scoring model
 * (SPEC §2.3); an edit is a new version. The campaign's status (draft, active, paused, archived)
 * is the server's, not the document's.
 */
import { z } from 'zod';
import {
  AUDIENCE_LIMITS,
  type AudiencePredicate,
  audiencePredicateSchema,
  EVERYONE_AUDIENCE,
  measureAudience,
} from './audience.js';
import { campaignStepSchema } from './campaign-step.js';
import { sendWindowSchema } from './send-window.js';

/** The format of the document itself; bumped (with a migration of stored documents) on a breaking change. */
export const CAMPAIGN_SCHEMA_VERSION = 1;

/** Events that make a lead enter a triggered campaign (the anchor of its `entry` steps). */
export const ENTRY_EVENTS = ['registered', 'trial_booked', 'enrolled'] as const;
export type EntryEvent = (typeof ENTRY_EVENTS)[number];

export const campaignEntrySchema = z.discriminatedUnion('kind', [
  /** Leads enter when they first match the audience while the campaign is active. */
  z.strictObject({ kind: z.literal('audience') }),
  /**
   * Leads enter when the event happens while the campaign is active; `lookbackDays` also takes in
   * those whose event was at most that many days before activation.
   */
  z.strictObject({
    kind: z.literal('event'),
    event: z.enum(ENTRY_EVENTS),
    lookbackDays: z.number().int().min(0).max(30).default(0),
  }),
]);
export type CampaignEntry = z.infer<typeof campaignEntrySchema>;

export const sendRulesSchema = z.strictObject({
  window: sendWindowSchema.default(sendWindowSchema.parse({})),
  /**
   * The lead asked for these messages (a reminder of their own booking): they still count toward
   * the per-lead cap, so marketing backs off, but the cap does not hold them back.
   */
  isCapExempt: z.boolean().default(false),
});
export type SendRules = z.infer<typeof sendRulesSchema>;

export const timeBoxSchema = z
  .strictObject({
    /** Nothing is sent before this instant or after `endsAt`. */
    startsAt: z.iso.datetime({ offset: true }).optional(),
    endsAt: z.iso.datetime({ offset: true }).optional(),
    /** A lead leaves this many days after entering. */
    maxDaysPerLead: z.number().int().min(1).max(365).optional(),
  })
  .refine((t) => !t.startsAt || !t.endsAt || Date.parse(t.startsAt) < Date.parse(t.endsAt), {
    error: '结束时间必须晚于开始时间',
    path: ['endsAt'],
  });
export type TimeBox = z.infer<typeof timeBoxSchema>;

/**
 * When a lead leaves the campaign for good (SPEC §2.5 "exit when the lead converts"). Withdrawn
 * consent (an `unsubscribe` touchpoint) and erased data always end every campaign and are not
 * options.
 */
export const exitRulesSchema = z.strictObject({
  /** Leave on enrolment (off only for campaigns meant for customers, such as a referral ask). */
  onEnrolment: z.boolean().default(true),
  /**
   * Leave once the lead is in an advisor's hands: `accepted` (the advisor accepted it, SQL),
   * `assigned` (as soon as routing gave it an owner) or `never` (service messages).
   */
  onAdvisor: z.enum(['accepted', 'assigned', 'never']).default('accepted'),
  /** Leave when this matches (e.g. a dormant lead that became active again). */
  when: audiencePredicateSchema.optional(),
});
export type ExitRules = z.infer<typeof exitRulesSchema>;

type LocatedPredicate = [(string | number)[], AudiencePredicate | undefined];

function reportOversizedPredicates(ctx: z.RefinementCtx, predicates: LocatedPredicate[]) {
  for (const [path, predicate] of predicates) {
    if (!predicate) continue;
    const size = measureAudience(predicate);
    if (size.depth > AUDIENCE_LIMITS.maxDepth || size.conditions > AUDIENCE_LIMITS.maxConditions) {
      ctx.addIssue({ code: 'custom', path, message: `条件过多（最多 ${AUDIENCE_LIMITS.maxConditions} 个）或嵌套过深` });
    }
  }
}

export const campaignDocumentSchema = z
  .strictObject({
    schemaVersion: z.literal(CAMPAIGN_SCHEMA_VERSION),
    /** Stable per installation; the built-in tracks' keys are theirs. */
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, { error: '活动标识只能是小写字母、数字和“-”，最多 48 个' }),
    /** Revision of this campaign; every saved edit is a new one. */
    version: z.number().int().min(1),
    name: z.string().trim().min(1, { error: '请填写活动名称' }).max(40, { error: '活动名称最多 40 字' }),
    description: z.string().trim().max(200).optional(),
    entry: campaignEntrySchema,
    audience: audiencePredicateSchema.default(EVERYONE_AUDIENCE),
    steps: z.array(campaignStepSchema).min(1, { error: '至少要有 1 个步骤' }).max(20, { error: '最多 20 个步骤' }),
    sendRules: sendRulesSchema.default(sendRulesSchema.parse({})),
    timeBox: timeBoxSchema.default({}),
    exit: exitRulesSchema.default(exitRulesSchema.parse({})),
  })
  .superRefine((doc, ctx) => {
    const ids = new Set<string>();
    for (const [i, step] of doc.steps.entries()) {
      if (ids.has(step.id))
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `步骤编号 ${step.id} 重复` });
      ids.add(step.id);
    }
    reportOversizedPredicates(ctx, [
      [['audience'], doc.audience],
      [['exit', 'when'], doc.exit.when],
      ...doc.steps.map((s, i): LocatedPredicate => [['steps', i, 'when'], s.when]),
    ]);
  });
export type CampaignDocument = z.infer<typeof campaignDocumentSchema>;
export type CampaignDocumentInput = z.input<typeof campaignDocumentSchema>;

/**
 * The parts of a document that decide who is in its audience now (the audience and the exit
 * rules): what the editor's live count needs of a draft whose steps may still be half written.
 * Other keys are ignored.
 */
export const campaignAudiencePartSchema = z
  .object({
    audience: audiencePredicateSchema.default(EVERYONE_AUDIENCE),
    exit: exitRulesSchema.default(exitRulesSchema.parse({})),
  })
  .superRefine((part, ctx) =>
    reportOversizedPredicates(ctx, [
      [['audience'], part.audience],
      [['exit', 'when'], part.exit.when],
    ]),
  );
export type CampaignAudiencePart = z.infer<typeof campaignAudiencePartSchema>;

/** Parses an untrusted campaign document; throws a ZodError naming the bad field. */
export function parseCampaignDocument(document: unknown): CampaignDocument {
  return campaignDocumentSchema.parse(document);
}
