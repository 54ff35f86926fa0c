/**
 * The lead as its owner (the prospect) sees it: `GET /api/me` (issue 4 item 7), the login and the
 * registration replies. Score with its breakdown (SPEC §2.3 "every score is explainable").
 */
import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../fields.js';
import { JOURNEY_STAGES } from '../journey/index.js';
import { LIFECYCLE_STAGES } from '../lifecycle/index.js';
import { ENROL_TIMELINES, GRADE_BANDS, LEAD_ROLES } from '../scoring/index.js';
import { mySubscriptionSchema } from './subscriptions.js';

export const scoreBreakdownItemSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  dimension: z.enum(['fit', 'engagement']),
  points: z.number(),
});

export const leadScoreViewSchema = z.object({
  total: z.number(),
  fit: z.number(),
  engagement: z.number(),
  isMql: z.boolean(),
  breakdown: z.array(scoreBreakdownItemSchema),
});
export type LeadScoreView = z.infer<typeof leadScoreViewSchema>;

export const leadViewSchema = z.object({
  id: entityIdSchema,
  isRegistered: z.boolean(),
  name: z.string().nullable(),
  /** Masked (`138****5678`): the full number never leaves the server in a list or a view. */
  phoneMasked: z.string().nullable(),
  role: z.enum(LEAD_ROLES),
  grade: z.enum(GRADE_BANDS),
  timeline: z.enum(ENROL_TIMELINES),
  courseId: entityIdSchema.nullable(),
  campusId: entityIdSchema.nullable(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  journeyStage: z.enum(JOURNEY_STAGES),
  score: leadScoreViewSchema,
  createdAt: isoDateTimeSchema,
});
export type LeadView = z.infer<typeof leadViewSchema>;

export const getMeResponseSchema = z.object({ lead: leadViewSchema });
export type GetMeResponse = z.infer<typeof getMeResponseSchema>;

/** `GET /api/me/export`: everything stored about the prospect (SPEC §4 "export their data"). */
export const exportMyDataResponseSchema = z.object({
  exportedAt: isoDateTimeSchema,
  lead: leadViewSchema.extend({ phone: z.string().nullable(), consent: z.unknown() }),
  touchpoints: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      occurredAt: isoDateTimeSchema,
      props: z.record(z.string(), z.unknown()),
    }),
  ),
  bookings: z.array(z.object({ id: z.string(), sessionId: z.string(), status: z.string() })),
  stageTransitions: z.array(
    z.object({
      model: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      ordinal: z.number(),
      at: isoDateTimeSchema,
    }),
  ),
  subscriptions: z.array(mySubscriptionSchema),
});
export type ExportMyDataResponse = z.infer<typeof exportMyDataResponseSchema>;

/** `DELETE /api/me`: personal data is erased; anonymous aggregates stay (SPEC §4 "delete their data"). */
export const deleteMeResponseSchema = z.object({ erasedAt: isoDateTimeSchema });
export type DeleteMeResponse = z.infer<typeof deleteMeResponseSchema>;
