/**
 * The advisor's lead list and lead page (issue 9 §3): `GET /api/staff/leads`, `GET
 * /api/staff/leads/:id`, `GET /api/staff/leads/:id/timeline`, `GET /api/staff/leads/export.csv`.
 * Ranked by score, ties by the most recent activity; phones masked in lists (SPEC §4), the full
 * number only on the lead page (each view audit-logged). This is the staff view of a lead, with
 * the institution's sales language (stages, score and its reasons); the prospect never sees it.
 */
import { z } from 'zod';
import type { TouchpointType } from '../events/touchpoint.js';
import { channelSchema, entityIdSchema, isoDateTimeSchema } from '../fields.js';
import { JOURNEY_STAGES } from '../journey/stages.js';
import { ASSIGNMENT_KINDS } from '../lead/staff-signal.js';
import { LIFECYCLE_STAGES } from '../lifecycle/stages.js';
import {
  BUDGET_BANDS,
  CAMPUS_REACHES,
  DECISION_MAKERS,
  ENROL_TIMELINES,
  GRADE_BANDS,
  LEAD_ROLES,
  NEED_LEVELS,
} from '../scoring/lead-profile.js';
import { STAFF_ROLES } from './staff.js';
import { BOOKING_STATUSES } from './trial-sessions.js';

/** The list's tabs: 我的, 公海 (the pool), 超时 (overdue), and a manager's 团队 (everyone's). */
export const STAFF_LEAD_VIEWS = ['mine', 'pool', 'overdue', 'team'] as const;
export type StaffLeadView = (typeof STAFF_LEAD_VIEWS)[number];

export const STAFF_LEAD_VIEW_LABELS: Record<StaffLeadView, string> = {
  mine: '我的',
  pool: '公海',
  overdue: '超时',
  team: '团队',
};

/** Filters shared by the list and the CSV export. */
const leadFilterFields = {
  view: z.enum(STAFF_LEAD_VIEWS, { error: '未知的列表' }).default('mine'),
  stage: z.enum(LIFECYCLE_STAGES, { error: '未知的阶段' }).optional(),
  journey: z.enum(JOURNEY_STAGES, { error: '未知的购买阶段' }).optional(),
  /** First-touch source (`import`, `mini_program`, a channel such as `event_qr`). */
  source: channelSchema.optional(),
  campusId: entityIdSchema.optional(),
  /** A manager's team view: one advisor's leads. */
  advisorId: entityIdSchema.optional(),
  /** A name, or the digits of a phone number (3 or more). */
  q: z.string().trim().min(1, { error: '请输入搜索内容' }).max(30, { error: '搜索内容太长' }).optional(),
};

export const listStaffLeadsQuerySchema = z.strictObject({
  ...leadFilterFields,
  /** The previous page's `nextCursor`, as given. */
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ListStaffLeadsQuery = z.infer<typeof listStaffLeadsQuerySchema>;
export type ListStaffLeadsQueryInput = z.input<typeof listStaffLeadsQuerySchema>;

export const exportStaffLeadsQuerySchema = z.strictObject({
  ...leadFilterFields,
  /** Full phone numbers instead of masked ones: managers only, audit-logged. */
  fullPhones: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type ExportStaffLeadsQuery = z.infer<typeof exportStaffLeadsQuerySchema>;

export const staffRefSchema = z.object({ id: entityIdSchema, name: z.string() });

/** One row of the ranked list. */
export const staffLeadListItemSchema = z.object({
  id: entityIdSchema,
  name: z.string().nullable(),
  /** `138****8000`; the full number is on the lead page only. */
  phoneMasked: z.string().nullable(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  /** The nth arrival at this stage, and its label: `MQL-02` (SPEC §2.2). */
  stageOrdinal: z.number().int().min(1),
  stageCode: z.string(),
  /** Chinese stage name, e.g. 营销认可线索. */
  stageLabel: z.string(),
  journeyStage: z.enum(JOURNEY_STAGES),
  journeyLabel: z.string(),
  /** The stored total, one decimal. */
  score: z.number(),
  owner: staffRefSchema.nullable(),
  /** When the owner accepted; `null` while it awaits the accept (the SLA runs). */
  acceptedAt: isoDateTimeSchema.nullable(),
  slaDueAt: isoDateTimeSchema.nullable(),
  isOverdue: z.boolean(),
  lastActivityAt: isoDateTimeSchema.nullable(),
  nextFollowUpAt: isoDateTimeSchema.nullable(),
  source: z.string().nullable(),
  campusId: entityIdSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type StaffLeadListItem = z.infer<typeof staffLeadListItemSchema>;

export const listStaffLeadsResponseSchema = z.object({
  items: z.array(staffLeadListItemSchema),
  nextCursor: z.string().nullable(),
});
export type ListStaffLeadsResponse = z.infer<typeof listStaffLeadsResponseSchema>;

export const staffLeadParamsSchema = z.strictObject({ id: entityIdSchema });

/** What the viewer may do with this lead now; the page shows these buttons only. */
export const STAFF_LEAD_ACTIONS = [
  'accept',
  'return',
  'claim',
  'release',
  'follow_up',
  'qualify',
  'attendance',
  'enrol',
] as const;
export type StaffLeadAction = (typeof STAFF_LEAD_ACTIONS)[number];

export const scoreRuleLineSchema = z.object({
  ruleId: z.string(),
  /** The rule's reason, in Chinese (SPEC §2.3 "every score is explainable"). */
  label: z.string(),
  dimension: z.enum(['fit', 'engagement']),
  points: z.number(),
});

export const lifecycleHistoryItemSchema = z.object({
  from: z.enum(LIFECYCLE_STAGES).nullable(),
  to: z.enum(LIFECYCLE_STAGES),
  ordinal: z.number().int(),
  /** `MQL-02`. */
  code: z.string(),
  stageLabel: z.string(),
  /** Why, in Chinese: the rule's label (e.g. 顾问退回，回到培育池). */
  causeLabel: z.string(),
  ruleId: z.string(),
  at: isoDateTimeSchema,
});

export const journeyHistoryItemSchema = z.object({
  from: z.enum(JOURNEY_STAGES).nullable(),
  to: z.enum(JOURNEY_STAGES),
  ordinal: z.number().int(),
  stageLabel: z.string(),
  reason: z.string(),
  at: isoDateTimeSchema,
});

export const timelineItemSchema = z.object({
  id: z.string(),
  type: z.string(),
  /** Chinese: what happened, e.g. 阅读内容《雅思备考指南》, 顾问通话（已接通）. */
  title: z.string(),
  occurredAt: isoDateTimeSchema,
  contentId: entityIdSchema.nullable(),
  contentTitle: z.string().nullable(),
  channel: z.string().nullable(),
  /** The touchpoint's small typed properties, as recorded. */
  props: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const leadTimelineQuerySchema = z.strictObject({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type LeadTimelineQuery = z.infer<typeof leadTimelineQuerySchema>;

/** `GET /api/staff/leads/:id/timeline`: newest first. */
export const leadTimelineResponseSchema = z.object({
  items: z.array(timelineItemSchema),
  nextCursor: z.string().nullable(),
});
export type LeadTimelineResponse = z.infer<typeof leadTimelineResponseSchema>;

export const staffLeadDetailSchema = z.object({
  lead: staffLeadListItemSchema.extend({
    /** The full number: shown here only, and this view is audit-logged (SPEC §4). */
    phone: z.string().nullable(),
    isRegistered: z.boolean(),
    role: z.enum(LEAD_ROLES),
    gradeBand: z.enum(GRADE_BANDS),
    city: z.string().nullable(),
    campusReach: z.enum(CAMPUS_REACHES),
    campus: z.object({ id: entityIdSchema, name: z.string() }).nullable(),
    course: z.object({ id: entityIdSchema, name: z.string() }).nullable(),
    /** BANT (SPEC §2.3): budget, authority (who decides), need, timeline; they feed the fit score. */
    bant: z.object({
      budgetBand: z.enum(BUDGET_BANDS),
      decisionMaker: z.enum(DECISION_MAKERS),
      need: z.enum(NEED_LEVELS),
      timeline: z.enum(ENROL_TIMELINES),
    }),
    consent: z.object({ policyVersion: z.string(), agreedAt: isoDateTimeSchema }).nullable(),
    /** Returned by an advisor and not active since: the score alone cannot re-qualify it (issue 9 §7). */
    nurtureHoldSince: isoDateTimeSchema.nullable(),
  }),
  score: z.object({
    total: z.number(),
    fit: z.number(),
    engagement: z.number(),
    isMql: z.boolean(),
    modelVersion: z.number().int().nullable(),
    breakdown: z.array(scoreRuleLineSchema),
  }),
  lifecycleHistory: z.array(lifecycleHistoryItemSchema),
  journeyHistory: z.array(journeyHistoryItemSchema),
  /** The first page, newest first; more through the timeline route. */
  timeline: leadTimelineResponseSchema,
  bookings: z.array(
    z.object({
      id: entityIdSchema,
      status: z.enum(BOOKING_STATUSES),
      startsAt: isoDateTimeSchema,
      courseName: z.string(),
      campusName: z.string(),
    }),
  ),
  notes: z.array(z.object({ id: z.string(), text: z.string(), at: isoDateTimeSchema, by: z.string().nullable() })),
  assignments: z.array(
    z.object({
      advisor: staffRefSchema,
      kind: z.enum(ASSIGNMENT_KINDS),
      reason: z.string(),
      assignedAt: isoDateTimeSchema,
      slaDueAt: isoDateTimeSchema.nullable(),
      acceptedAt: isoDateTimeSchema.nullable(),
      endedAt: isoDateTimeSchema.nullable(),
      endReason: z.string().nullable(),
    }),
  ),
  enrolments: z.array(
    z.object({
      id: entityIdSchema,
      course: staffRefSchema,
      amountFen: z.number().int(),
      enrolledOn: z.iso.date(),
    }),
  ),
  allowedActions: z.array(z.enum(STAFF_LEAD_ACTIONS)),
  viewer: z.object({ id: entityIdSchema, role: z.enum(STAFF_ROLES) }),
});
export type StaffLeadDetail = z.infer<typeof staffLeadDetailSchema>;

/** What each touchpoint type is called on the lead page's timeline (SPEC §2.1). */
export const TOUCHPOINT_TYPE_LABELS: Record<TouchpointType, string> = {
  page_view: '浏览页面',
  content_view: '阅读内容',
  content_download: '下载资料',
  registration: '登记留资',
  subscribe_accept: '接受订阅消息',
  subscribe_reject: '拒绝订阅消息',
  trial_booked: '预约试听',
  trial_cancelled: '取消试听',
  trial_attended: '参加试听',
  trial_no_show: '试听未到',
  share: '分享',
  referral_signup: '推荐的好友注册',
  message_sent: '收到消息',
  message_clicked: '点击消息',
  consultation_request: '咨询请求',
  advisor_note: '顾问备注',
  advisor_call: '顾问跟进',
  enrolled: '报名',
  unsubscribe: '退订',
};
