/**
 * What the five measures read (SPEC §2.6, issue 15): leads with the segment they belong to,
 * lifecycle stage transitions with ordinals (SPEC §2.2), touchpoints with channel and campaign
 * (SPEC §2.1), enrolments with amounts and the costs a manager enters. Money is always an integer
 * number of fen (CNY cents) so that sums never drift. Times are ISO instants.
 */
import { z } from 'zod';
import { campaignIdSchema, channelSchema } from '../fields.js';
import type { LifecycleStage } from '../lifecycle/stages.js';
import { analyticsPeriodSchema, shanghaiDaySchema } from './calendar.js';

/**
 * The dimensions a manager filters and groups by (issue 15 "campus, course, source/channel,
 * campaign"). A lead's segment is its current value of each (the lead's first-touch source and
 * campaign, its campus and course of interest); `null` is "unknown" and is a group of its own.
 */
export const SEGMENT_DIMENSIONS = ['source', 'campaignId', 'campusId', 'courseId'] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];
export type LeadSegment = Readonly<Record<SegmentDimension, string | null>>;

export interface AnalyticsLead extends LeadSegment {
  id: string;
  createdAt: string;
}

/** One lifecycle move as `stage_transitions` stores it (model `lifecycle`, SPEC §2.2). */
export interface AnalyticsTransition {
  leadId: string;
  /** Null for the stage a lead is created in. */
  fromStage: LifecycleStage | null;
  toStage: LifecycleStage;
  /** The nth arrival of this lead at `toStage`: 2 for MQL-02. */
  ordinal: number;
  at: string;
}

export interface AnalyticsTouchpoint {
  id: string;
  leadId: string;
  occurredAt: string;
  channel: string | null;
  campaignId: string | null;
}

export interface AnalyticsEnrolment {
  id: string;
  leadId: string;
  /** Revenue of the enrolment in fen, a non-negative integer. */
  amountFen: number;
  at: string;
}

/** The largest amount of one enrolment or cost entry: ¥100 million, far inside exact integer arithmetic. */
export const MAX_AMOUNT_FEN = 10_000_000_000;
export const amountFenSchema = z
  .number()
  .int({ error: '金额必须是整数（分）' })
  .nonnegative({ error: '金额不能为负' })
  .max(MAX_AMOUNT_FEN, { error: '金额过大' });

/** What a cost is spent on: a campaign (by id) or a channel (matched against a lead's source). */
export const COST_TARGET_KINDS = ['campaign', 'channel'] as const;
export type CostTargetKind = (typeof COST_TARGET_KINDS)[number];

/**
 * A cost a manager enters (issue 15 "costs a manager enters per campaign or channel and period"):
 * `amountFen` spent on one campaign or channel over the Shanghai days `fromDay` … `toDay`.
 */
export const costEntrySchema = z
  .object({
    targetKind: z.enum(COST_TARGET_KINDS),
    target: z.union([campaignIdSchema, channelSchema]),
    fromDay: shanghaiDaySchema,
    toDay: shanghaiDaySchema,
    amountFen: amountFenSchema,
  })
  .refine((entry) => entry.fromDay <= entry.toDay, { error: '开始日期不能晚于结束日期', path: ['toDay'] });
export type CostEntry = z.infer<typeof costEntrySchema>;

/** Filters: each given dimension must equal the lead's value (`null` selects "unknown"). */
export const segmentFilterSchema = z.object({
  source: z.string().nullable().optional(),
  campaignId: z.string().nullable().optional(),
  campusId: z.string().nullable().optional(),
  courseId: z.string().nullable().optional(),
});
export type SegmentFilter = z.infer<typeof segmentFilterSchema>;

/** The query every lead-level measure takes: a period, optional filters, an optional grouping. */
export const analyticsQuerySchema = z.object({
  period: analyticsPeriodSchema,
  filter: segmentFilterSchema.optional(),
  groupBy: z.enum(SEGMENT_DIMENSIONS).optional(),
});
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;
