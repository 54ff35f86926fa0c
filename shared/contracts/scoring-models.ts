/**
 * The manager's scoring-model page (issue 15 §4): the active model, a candidate fitted from the
 * institution's own leads with outcomes, the two side by side on held-out leads, activation and
 * roll back. Every model version is kept; activating or rolling back rescores every lead.
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../fields.js';

const modelVersionSchema = z.number().int().min(1);

/** One tenth of the held-out leads, best scores first (shared/calibration `DecileLift`). */
export const decileLiftSchema = z.object({
  decile: z.number().int(),
  count: z.number().int(),
  positives: z.number().int(),
  rate: z.number(),
  lift: z.number(),
  cumulativeCapture: z.number(),
  /** Null for an empty decile (fewer than ten leads). */
  minScore: z.number().nullable(),
});

/** Predicted probability against the observed enrolment rate, per bucket. */
export const calibrationBinSchema = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int(),
  meanPredicted: z.number(),
  observedRate: z.number(),
});

/** How one model ranks the held-out leads. */
export const modelMeasuresSchema = z.object({
  version: modelVersionSchema,
  auc: z.number().min(0).max(1),
  liftByDecile: z.array(decileLiftSchema),
  calibration: z.array(calibrationBinSchema),
});
export type ModelMeasures = z.infer<typeof modelMeasuresSchema>;

/** A rule whose points changed, with the evidence an advisor can read (Chinese `reason`). */
export const weightChangeSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  dimension: z.enum(['fit', 'engagement']),
  /** `points` of the rule, or `perUnit` for its points per unit (a minute of reading). */
  part: z.enum(['points', 'perUnit']),
  before: z.number(),
  after: z.number(),
  /** Leads of the training part the rule fired on, and how many of them enrolled. */
  support: z.number().int(),
  supportPositives: z.number().int(),
  reason: z.string(),
});
export type WeightChange = z.infer<typeof weightChangeSchema>;

/** The candidate against the active model, measured on the same held-out leads. */
export const modelComparisonSchema = z.object({
  /** Leads with an outcome: enrolled (positive) or returned / dormant (negative). */
  outcomes: z.object({ rows: z.number().int(), positives: z.number().int() }),
  train: z.object({ rows: z.number().int(), positives: z.number().int() }),
  holdout: z.object({ rows: z.number().int(), positives: z.number().int(), seed: z.number().int() }),
  active: modelMeasuresSchema,
  candidate: modelMeasuresSchema,
  weightChanges: z.array(weightChangeSchema),
});
export type ModelComparison = z.infer<typeof modelComparisonSchema>;

export const SCORING_MODEL_STATUSES = ['active', 'candidate', 'previous', 'retired'] as const;

export const scoringModelVersionSchema = z.object({
  version: modelVersionSchema,
  label: z.string(),
  status: z.enum(SCORING_MODEL_STATUSES),
  createdAt: isoDateTimeSchema.nullable(),
  activatedAt: isoDateTimeSchema.nullable(),
  /** Fitted candidates only: the comparison made when it was fitted. */
  comparison: modelComparisonSchema.nullable(),
  /** The rules with their points, strongest first, for the page's table. */
  rules: z.array(
    z.object({ ruleId: z.string(), label: z.string(), dimension: z.enum(['fit', 'engagement']), points: z.number() }),
  ),
});
export type ScoringModelVersion = z.infer<typeof scoringModelVersionSchema>;

/**
 * Rescoring every lead after an activation or a roll back (ADR 019): the switch is immediate,
 * the scores follow in batches run by `/api/cron/scoring`; `done` of `total` leads so far.
 */
export const rescoringProgressSchema = z.object({
  version: modelVersionSchema,
  kind: z.enum(['activate', 'rollback']),
  status: z.enum(['running', 'finished']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  batches: z.number().int().nonnegative(),
  startedAt: isoDateTimeSchema,
  finishedAt: isoDateTimeSchema.nullable(),
  /** Batches rolled back by an error so far (each is retried by the next run), and the last error. */
  failedBatches: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type RescoringProgress = z.infer<typeof rescoringProgressSchema>;

/** GET /api/staff/scoring-models */
export const scoringModelsResponseSchema = z.object({
  active: scoringModelVersionSchema,
  /** The version a roll back returns to; null when nothing was activated before. */
  previous: scoringModelVersionSchema.nullable(),
  /** The newest fitted candidate not yet activated. */
  candidate: scoringModelVersionSchema.nullable(),
  /** Leads with an outcome today, and how many more a fit needs. */
  outcomes: z.object({ rows: z.number().int(), positives: z.number().int(), minPerClass: z.number().int() }),
  /** The latest rescoring (running or finished); null before any activation. */
  rescoring: rescoringProgressSchema.nullable(),
});
export type ScoringModelsResponse = z.infer<typeof scoringModelsResponseSchema>;

/** POST /api/staff/scoring-models/candidates */
export const fitCandidateRequestSchema = z.strictObject({
  /** Strength of the L2 penalty; larger keeps weights nearer zero. */
  l2: z.number().min(0.01).max(100).default(1),
  /** Seed of the stratified 70/30 split, so the same data gives the same comparison. */
  seed: z.number().int().min(0).max(2_147_483_647).default(2026),
});
export type FitCandidateRequest = z.input<typeof fitCandidateRequestSchema>;

/** POST /api/staff/scoring-models/:version/activate and POST /api/staff/scoring-models/rollback */
export const activationResponseSchema = z.object({
  active: scoringModelVersionSchema,
  previousVersion: modelVersionSchema.nullable(),
  /** The rescoring the switch started; `/api/cron/scoring` carries it out in batches. */
  rescoring: rescoringProgressSchema,
});
export type ActivationResponse = z.infer<typeof activationResponseSchema>;

export const scoringModelVersionParamsSchema = z.strictObject({
  version: z.coerce.number().int().min(1).max(1_000_000),
});

/** GET|POST /api/cron/scoring: how far this run took the rescoring, and why it stopped. */
export const runRescoringQuerySchema = z.strictObject({
  /** At most this many batches in this run (a manual run of one batch, a test); default: until time is up. */
  maxBatches: z.coerce.number().int().min(1).max(10_000).optional(),
});
export const runRescoringResponseSchema = z.object({
  /** `idle`: nothing to rescore; `busy`: another run holds the rescoring; `error`: a batch failed and was rolled back. */
  stoppedBy: z.enum(['finished', 'budget', 'max_batches', 'idle', 'busy', 'error']),
  batches: z.number().int().nonnegative(),
  rescored: z.number().int().nonnegative(),
  rescoring: rescoringProgressSchema.nullable(),
});
export type RunRescoringResponse = z.infer<typeof runRescoringResponseSchema>;
