/**
 * The scoring model as data (SPEC §2.3 "the model is data, not code: a versioned JSON document
 * validated with zod"). Changing the model rescores everyone; `id` + `version` name one document.
 */
import { z } from 'zod';
import { JOURNEY_STAGES } from '../journey/stages.js';
import { FIT_FIELDS } from './lead-profile.js';
import { NUMERIC_SIGNAL_PROPS, SCORING_SIGNAL_TYPES } from './scoring-signal.js';

const ruleIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'rule id: lowercase kebab-case, at most 64 characters' });
/** Chinese label shown to advisors in the score breakdown. */
const ruleLabelSchema = z.string().trim().min(1).max(40);
const pointsSchema = z.number().finite().min(-1000).max(1000);

/**
 * A fit rule (SPEC §2.3 "fit"): `points` when the profile field has one of `anyOf`, or, without
 * `anyOf`, when the field is known (set and not `unknown`).
 */
export const fitRuleSchema = z.strictObject({
  id: ruleIdSchema,
  label: ruleLabelSchema,
  field: z.enum(FIT_FIELDS),
  anyOf: z.array(z.string().min(1).max(64)).min(1).max(50).optional(),
  points: pointsSchema,
});
export type FitRule = z.infer<typeof fitRuleSchema>;

/** Points per unit of a numeric prop, e.g. 0.5 per minute of `durationMs`, at most `maxUnits`. */
export const perUnitSchema = z.strictObject({
  prop: z.enum(NUMERIC_SIGNAL_PROPS),
  /** Size of one unit in the prop's own unit (60000 for "per minute" of `durationMs`). */
  unit: z.number().positive().finite(),
  points: pointsSchema,
  /** Units counted per signal at most, so one endless page view cannot inflate a score. */
  maxUnits: z.number().positive().finite(),
});
export type PerUnit = z.infer<typeof perUnitSchema>;

/**
 * A running total to pass, e.g. five minutes of reading (`durationMs` ≥ 300000) over the window:
 * the rule's `points` then count once, from the signal that brought the total there.
 */
export const thresholdSchema = z.strictObject({
  prop: z.enum(NUMERIC_SIGNAL_PROPS),
  /** In the prop's own unit (300000 for five minutes of `durationMs`). */
  atLeast: z.number().positive().finite(),
});
export type Threshold = z.infer<typeof thresholdSchema>;

/**
 * An engagement rule (SPEC §2.3 "engagement"): a signal of `signal` type (optionally filtered)
 * earns `points` plus the optional per-unit points. At most `dailyCap` matching signals count per
 * calendar day in Asia/Shanghai, and at most `windowCap` over the window, so spam cannot inflate
 * a score. A rule with a `threshold` instead earns `points` once, when the matching signals'
 * running total of the prop passes it ("累计阅读超过 5 分钟"), counting at most `dailyCap` of them
 * a day (the largest amounts).
 */
export const engagementRuleSchema = z
  .strictObject({
    id: ruleIdSchema,
    label: ruleLabelSchema,
    signal: z.enum(SCORING_SIGNAL_TYPES),
    when: z
      .strictObject({
        /** `message_sent.props.status`, e.g. `['bounced']`. */
        status: z
          .array(z.enum(['ok', 'bounced']))
          .min(1)
          .optional(),
        /** `advisor_call.props.outcome`. */
        outcome: z
          .array(z.enum(['connected', 'no_answer', 'busy', 'wrong_number']))
          .min(1)
          .optional(),
        /** Attribution channel of the touchpoint. */
        channels: z.array(z.string().min(1).max(64)).min(1).max(50).optional(),
      })
      .optional(),
    points: pointsSchema,
    perUnit: perUnitSchema.optional(),
    dailyCap: z.number().int().min(1).max(100),
    /**
     * At most this many matching signals count over the whole decay window (the largest effects,
     * as for `dailyCap`), for signals other people can cause: thirty throwaway sign-ups naming one
     * referrer must not add thirty referrals (issue 8 item 11). Unset: only the daily cap applies.
     */
    windowCap: z.number().int().min(1).max(1000).optional(),
    threshold: thresholdSchema.optional(),
  })
  .superRefine((rule, ctx) => {
    // Per-signal points and a cap on counted signals have no meaning for points earned once.
    for (const field of ['perUnit', 'windowCap'] as const) {
      if (rule.threshold && rule[field] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `rule ${rule.id}: a threshold rule earns its points once; it cannot have ${field}`,
        });
      }
    }
  });
export type EngagementRule = z.infer<typeof engagementRuleSchema>;

/** Metadata of a model fitted from leads with known outcomes (SPEC §2.3 "predictive calibration"). */
export const calibrationInfoSchema = z.strictObject({
  method: z.literal('l2-logistic-newton'),
  baseModel: z.strictObject({ id: z.string(), version: z.number().int() }),
  dataset: z.string().max(200),
  /** The instant the historical leads were scored at. */
  asOf: z.iso.datetime({ offset: true }),
  trainRows: z.number().int().nonnegative(),
  trainPositives: z.number().int().nonnegative(),
  l2: z.number().nonnegative(),
  /** P(convert) = 1 / (1 + exp(-(intercept + total / pointsPerLogit))). */
  intercept: z.number().finite(),
  pointsPerLogit: z.number().positive().finite(),
  trainAuc: z.number().min(0).max(1),
  testAuc: z.number().min(0).max(1).optional(),
  iterations: z.number().int().nonnegative(),
});
export type CalibrationInfo = z.infer<typeof calibrationInfoSchema>;

/** The whole model document (SPEC §2.3). */
export const scoringModelSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    version: z.number().int().min(1),
    label: z.string().trim().min(1).max(80),
    fit: z.strictObject({ rules: z.array(fitRuleSchema).max(200) }),
    engagement: z.strictObject({ rules: z.array(engagementRuleSchema).max(200) }),
    decay: z.strictObject({
      /** Engagement halves after this many days without activity. */
      halfLifeDays: z.number().positive().max(3650),
      /** Signals more than this many days older than the newest are dropped (bounds the state). */
      windowDays: z.number().int().min(1).max(3650),
    }),
    /**
     * MQL: total at least `minTotal`, fit at least `minFit` when set, and, when set, a buying-journey
     * stage among `journeyStages` (issue 9 §7: the playbook qualifies a lead who is considering or
     * preferring, not a busy explorer).
     */
    mql: z.strictObject({
      minTotal: z.number().finite(),
      minFit: z.number().finite().optional(),
      journeyStages: z.array(z.enum(JOURNEY_STAGES)).min(1).optional(),
    }),
    calibration: calibrationInfoSchema.optional(),
  })
  .superRefine((model, ctx) => {
    const seen = new Set<string>();
    for (const rule of [...model.fit.rules, ...model.engagement.rules]) {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', message: `duplicate rule id ${rule.id}` });
      seen.add(rule.id);
    }
  });
export type ScoringModel = z.infer<typeof scoringModelSchema>;

/** Parses an untrusted model document (e.g. a JSON file); throws a ZodError naming the bad field. */
export function parseScoringModel(document: unknown): ScoringModel {
  return scoringModelSchema.parse(document);
}
