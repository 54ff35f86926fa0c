/**
 * What an advisor (or their manager) does to a lead from the lead page (issue 9 §4). Every action
 * carries a `requestId` made by the client: a retried request answers again with `isReplay: true`
 * and writes nothing. An action the lead's state does not allow is a 409 with a Chinese message,
 * nothing written. Each one is a touchpoint or a domain signal, so scoring and stages move in one
 * place (`recordLeadSignals`).
 *
 * Routes (`:id` is the lead): `POST /api/staff/leads/:id/accept`, `/return`, `/claim`, `/release`,
 * `/follow-ups`, `/attendance`, `/enrolments`; `PUT /api/staff/leads/:id/qualification`.
 */
import { z } from 'zod';
import { entityIdSchema, eventIdSchema, isoDateTimeSchema } from '../fields.js';
import { ADVISOR_RETURN_REASONS } from '../routing/reasons.js';
import { BUDGET_BANDS, DECISION_MAKERS, ENROL_TIMELINES, NEED_LEVELS } from '../scoring/lead-profile.js';
import { staffLeadListItemSchema } from './staff-leads.js';

const requestIdField = { requestId: eventIdSchema };

/** The lead's row after the action, as the list shows it; `isReplay` when the request was a retry. */
export const staffLeadActionResponseSchema = z.object({ lead: staffLeadListItemSchema, isReplay: z.boolean() });
export type StaffLeadActionResponse = z.infer<typeof staffLeadActionResponseSchema>;

/** Accept, claim and release carry nothing but the request id. */
export const staffLeadSimpleActionRequestSchema = z.strictObject(requestIdField);
export type StaffLeadSimpleActionRequest = z.infer<typeof staffLeadSimpleActionRequestSchema>;

/** Return to the pool (SPEC §2.4): a reason from the list, free text required for 其他. */
export const returnLeadRequestSchema = z
  .strictObject({
    ...requestIdField,
    reason: z.enum(ADVISOR_RETURN_REASONS, { error: '请选择退回原因' }),
    note: z.string().trim().max(200, { error: '说明不能超过 200 字' }).optional(),
  })
  .refine((r) => r.reason !== 'other' || (r.note?.length ?? 0) > 0, {
    error: '选择“其他”时请填写说明',
    path: ['note'],
  });
export type ReturnLeadRequest = z.infer<typeof returnLeadRequestSchema>;

/** How the advisor reached the lead. */
export const FOLLOW_UP_KINDS = ['call', 'wechat', 'visit', 'note'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = {
  call: '电话',
  wechat: '微信沟通',
  visit: '到访',
  note: '备注',
};

/** The outcome of a call, chat or visit (the values of `advisor_call.props.outcome`). */
export const FOLLOW_UP_OUTCOMES = ['connected', 'no_answer', 'busy', 'wrong_number'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
export const FOLLOW_UP_OUTCOME_LABELS: Record<FollowUpOutcome, string> = {
  connected: '已沟通',
  no_answer: '未接通/未回复',
  busy: '忙，稍后再联系',
  wrong_number: '号码错误',
};

/** Log a call, a WeChat chat, a visit or a note, with the next follow-up time. */
export const logFollowUpRequestSchema = z
  .strictObject({
    ...requestIdField,
    kind: z.enum(FOLLOW_UP_KINDS, { error: '请选择跟进方式' }),
    outcome: z.enum(FOLLOW_UP_OUTCOMES, { error: '请选择跟进结果' }).optional(),
    note: z.string().trim().max(500, { error: '备注不能超过 500 字' }).optional(),
    durationSec: z
      .number()
      .int()
      .min(0)
      .max(6 * 3600)
      .optional(),
    /** When it happened; now when left out. Not in the future. */
    occurredAt: isoDateTimeSchema.optional(),
    /** When to follow up next; must be later than now. */
    nextFollowUpAt: isoDateTimeSchema.optional(),
  })
  .refine((r) => r.kind === 'note' || r.outcome !== undefined, { error: '请选择跟进结果', path: ['outcome'] })
  .refine((r) => r.kind !== 'note' || (r.note?.length ?? 0) > 0, { error: '请填写备注', path: ['note'] });
export type LogFollowUpRequest = z.infer<typeof logFollowUpRequestSchema>;

/** BANT (SPEC §2.3): what the advisor learned on the call; feeds the fit score. At least one field. */
export const updateQualificationRequestSchema = z
  .strictObject({
    ...requestIdField,
    budgetBand: z.enum(BUDGET_BANDS, { error: '预算选项无效' }).optional(),
    decisionMaker: z.enum(DECISION_MAKERS, { error: '决策人选项无效' }).optional(),
    need: z.enum(NEED_LEVELS, { error: '需求选项无效' }).optional(),
    timeline: z.enum(ENROL_TIMELINES, { error: '报名时间选项无效' }).optional(),
  })
  .refine((r) => r.budgetBand ?? r.decisionMaker ?? r.need ?? r.timeline, { error: '请至少填写一项' });
export type UpdateQualificationRequest = z.infer<typeof updateQualificationRequestSchema>;

export const BANT_LABELS = {
  budgetBand: { high: '预算充足', medium: '预算适中', low: '预算偏低', unknown: '未知' },
  decisionMaker: { parent: '家长决定', student: '学员本人决定', both: '共同决定', unknown: '未知' },
  need: { clear: '需求明确', vague: '需求模糊', none: '暂无需求', unknown: '未知' },
  timeline: {
    within_1_month: '一个月内',
    within_3_months: '三个月内',
    within_1_year: '一年内',
    later: '一年以后',
    unknown: '未知',
  },
} as const;

/** Mark a trial booking attended or a no-show. */
export const markAttendanceRequestSchema = z.strictObject({
  ...requestIdField,
  bookingId: entityIdSchema,
  status: z.enum(['attended', 'no_show'], { error: '请选择到课情况' }),
});
export type MarkAttendanceRequest = z.infer<typeof markAttendanceRequestSchema>;

/** Record an enrolment (→ `customer`): the value analytics sums, in fen. */
export const recordEnrolmentRequestSchema = z.strictObject({
  ...requestIdField,
  courseId: entityIdSchema,
  amountFen: z
    .number({ error: '请输入金额' })
    .int({ error: '金额以分为单位，须为整数' })
    .positive({ error: '金额须大于 0' })
    .max(100_000_000, { error: '金额过大' }),
  /** The day it was signed (Asia/Shanghai), not in the future. */
  enrolledOn: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }),
});
export type RecordEnrolmentRequest = z.infer<typeof recordEnrolmentRequestSchema>;
