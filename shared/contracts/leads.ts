/**
 * The lead as its owner (the prospect) sees it: `GET /api/me` (issue 4 item 7), the login and the
 * registration replies. Only what the prospect told us, never the institution's sales language
 * about them (SPEC §4; issue 9 §6): no score, no lifecycle or journey stage, no score reasons.
 * Those are listed in the prospect's data export, which shows everything stored.
 */
import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../fields.js';
import { ENROL_TIMELINES, GRADE_BANDS, LEAD_ROLES } from '../scoring/index.js';

/** One line of a score's explanation, for staff views (SPEC §2.3 "shown to advisors"). */
export const scoreBreakdownItemSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  dimension: z.enum(['fit', 'engagement']),
  points: z.number(),
});

/** A score with its explanation, for staff views (SPEC §2.3); never in a prospect's view. */
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
  /**
   * The prospect enrolled (lifecycle customer or advocate): a fact they know, not the stage; the Me
   * page shows them the 推荐好友 card of the referral track (issue 13).
   */
  isEnrolled: z.boolean(),
  name: z.string().nullable(),
  /** Masked (`138****5678`): the full number never leaves the server in a list or a view. */
  phoneMasked: z.string().nullable(),
  role: z.enum(LEAD_ROLES),
  grade: z.enum(GRADE_BANDS),
  timeline: z.enum(ENROL_TIMELINES),
  courseId: entityIdSchema.nullable(),
  campusId: entityIdSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type LeadView = z.infer<typeof leadViewSchema>;

export const getMeResponseSchema = z.object({ lead: leadViewSchema });
export type GetMeResponse = z.infer<typeof getMeResponseSchema>;

/**
 * The sections of the prospect's data export (SPEC §4 "export their data", issue 8 item 7): one
 * per kind of row stored about the person. Which table and which columns fill each section is
 * declared once, in server/services/me/personal-data.ts, and checked against the schema by a test.
 */
export const EXPORT_SECTIONS = [
  'lead',
  'mergedLeads',
  'touchpoints',
  'stageTransitions',
  'scoreLedger',
  'bookings',
  'subscriptions',
  'messages',
  'leadMerges',
  'duplicateFlags',
  'assignments',
  'staffActions',
  'enrolments',
  'phoneReveals',
  'staffNotifications',
  'campaignMemberships',
  'inAppMessages',
  'analyticsSegments',
] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

/** One stored row: column → value (times as ISO 8601). */
const exportRowSchema = z.record(z.string(), z.unknown());

/**
 * `GET /api/me/export`: everything stored about the prospect, including the stages, transitions
 * and score ledger (how they were scored), and, under `omitted`, each stored column left out with
 * the reason it is not about the person.
 */
export const exportMyDataResponseSchema = z.object({
  exportedAt: isoDateTimeSchema,
  /** The prospect's own lead row. */
  lead: exportRowSchema,
  /** Leads merged into this one (the same person arriving by an import or a fair list, ADR 010). */
  mergedLeads: z.array(exportRowSchema),
  touchpoints: z.array(exportRowSchema),
  stageTransitions: z.array(exportRowSchema),
  scoreLedger: z.array(exportRowSchema),
  bookings: z.array(exportRowSchema),
  subscriptions: z.array(exportRowSchema),
  messages: z.array(exportRowSchema),
  leadMerges: z.array(exportRowSchema),
  duplicateFlags: z.array(exportRowSchema),
  /** Which advisor held the lead when, and how each period ended (issue 9 §2). */
  assignments: z.array(exportRowSchema),
  /** What advisors did with the lead: accepts, returns, follow-ups, qualification (issue 9 §4). */
  staffActions: z.array(exportRowSchema),
  enrolments: z.array(exportRowSchema),
  /** Every time staff saw the full phone number or exported it (issue 9 §3, §5). */
  phoneReveals: z.array(exportRowSchema),
  /** "New lead" messages sent to advisors about the person (issue 9 §2). */
  staffNotifications: z.array(exportRowSchema),
  /** The nurture campaigns the person was in, and why they left each (SPEC §2.5). */
  campaignMemberships: z.array(exportRowSchema),
  /** In-app messages (站内消息) campaigns showed the person. */
  inAppMessages: z.array(exportRowSchema),
  omitted: z.record(z.string(), z.record(z.string(), z.string())),
});
export type ExportMyDataResponse = z.infer<typeof exportMyDataResponseSchema>;

/** `DELETE /api/me`: personal data is erased; anonymous aggregates stay (SPEC §4 "delete their data"). */
export const deleteMeResponseSchema = z.object({ erasedAt: isoDateTimeSchema });
export type DeleteMeResponse = z.infer<typeof deleteMeResponseSchema>;
