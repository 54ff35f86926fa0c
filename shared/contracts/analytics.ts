/**
 * The manager's analytics API (issue 15 §1–2): query strings and answers of the five measures and
 * attribution, and the marketing costs managers enter. The measures themselves are defined in
 * shared/analytics; these schemas only carry them over HTTP.
 */
import { z } from 'zod';
import { ATTRIBUTION_MODELS } from '../analytics/attribution.js';
import { countDaysBetween, isShanghaiDay, shanghaiDaySchema } from '../analytics/calendar.js';
import { amountFenSchema, COST_TARGET_KINDS, SEGMENT_DIMENSIONS } from '../analytics/inputs.js';
import { STAGE_VISITS } from '../analytics/velocity.js';
import { LIFECYCLE_STAGES } from '../lifecycle/stages.js';

/** The longest period one query may ask for: two years of daily rollups. */
export const MAX_ANALYTICS_PERIOD_DAYS = 731;

const filterValue = z.string().trim().min(1, { error: '筛选条件不能为空' }).max(100, { error: '筛选条件过长' });
/** Campuses and courses are named by id: anything else would silently match nothing. */
const entityFilter = (what: string) => z.uuid({ error: `${what}编号无效` });

const periodFields = {
  fromDay: shanghaiDaySchema,
  toDay: shanghaiDaySchema,
};
const filterFields = {
  source: filterValue.optional(),
  campaignId: filterValue.optional(),
  campusId: entityFilter('校区').optional(),
  courseId: entityFilter('课程').optional(),
};

type Period = { fromDay: string; toDay: string };
// An invalid day is named by its own check; comparing it would add a second, wrong message.
const isOrderedPeriod = (q: Period) => !isShanghaiDay(q.fromDay) || !isShanghaiDay(q.toDay) || q.fromDay <= q.toDay;
const isShortPeriod = (q: Period) =>
  !isShanghaiDay(q.fromDay) ||
  !isShanghaiDay(q.toDay) ||
  q.fromDay > q.toDay ||
  countDaysBetween(q.fromDay, q.toDay) < MAX_ANALYTICS_PERIOD_DAYS;

function withPeriodChecks<T extends z.ZodType<Period>>(schema: T) {
  return schema
    .refine(isOrderedPeriod, { error: '开始日期不能晚于结束日期', path: ['toDay'] })
    .refine(isShortPeriod, { error: `查询区间最长 ${MAX_ANALYTICS_PERIOD_DAYS} 天`, path: ['toDay'] });
}

const groupBy = z.enum(SEGMENT_DIMENSIONS, { error: '未知的分组' }).optional();

export const analyticsSegmentQuerySchema = withPeriodChecks(
  z.strictObject({ ...periodFields, ...filterFields, groupBy }),
);
export type AnalyticsSegmentQuery = z.infer<typeof analyticsSegmentQuerySchema>;

export const analyticsVelocityQuerySchema = withPeriodChecks(z.strictObject({ ...periodFields, ...filterFields }));
export type AnalyticsVelocityQuery = z.infer<typeof analyticsVelocityQuerySchema>;

export const analyticsEffectivenessQuerySchema = withPeriodChecks(
  z.strictObject({
    ...periodFields,
    ...filterFields,
    groupBy,
    horizonDays: z.coerce
      .number({ error: '转化期限必须是天数' })
      .int({ error: '转化期限必须是整数' })
      .min(0, { error: '转化期限不能为负' })
      .max(365, { error: '转化期限最长 365 天' })
      .default(90),
  }),
);
export type AnalyticsEffectivenessQuery = z.infer<typeof analyticsEffectivenessQuerySchema>;

export const analyticsEfficiencyQuerySchema = withPeriodChecks(
  z.strictObject({ ...periodFields, by: z.enum(COST_TARGET_KINDS, { error: '未知的统计口径' }).default('campaign') }),
);
export type AnalyticsEfficiencyQuery = z.infer<typeof analyticsEfficiencyQuerySchema>;

export const analyticsAttributionQuerySchema = withPeriodChecks(
  z.strictObject({
    ...periodFields,
    ...filterFields,
    model: z.enum(ATTRIBUTION_MODELS, { error: '未知的归因模型' }).default('u_shaped'),
    by: z.enum(['channel', 'campaign'], { error: '未知的统计口径' }).default('channel'),
  }),
);
export type AnalyticsAttributionQuery = z.infer<typeof analyticsAttributionQuerySchema>;

const stage = z.enum(LIFECYCLE_STAGES);
const group = z.string().nullable();
const fen = z.number().int();
const ratio = z.number().nullable();
/** When the rollups were last brought up to date (null before the first fold). */
const freshness = { updatedAt: z.string().nullable() };

export const analyticsVolumeResponseSchema = z.object({
  ...freshness,
  groups: z.array(
    z.object({
      group,
      stages: z.array(
        z.object({ stage, atEnd: z.number().int(), arrivals: z.number().int(), firstArrivals: z.number().int() }),
      ),
    }),
  ),
});
export type AnalyticsVolumeResponse = z.infer<typeof analyticsVolumeResponseSchema>;

export const analyticsVelocityResponseSchema = z.object({
  ...freshness,
  series: z.array(
    z.object({
      fromStage: stage,
      toStage: stage,
      visit: z.enum(STAGE_VISITS),
      points: z.array(
        z.object({
          month: z.string(),
          count: z.number().int(),
          averageDays: z.number().nullable(),
          medianDays: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type AnalyticsVelocityResponse = z.infer<typeof analyticsVelocityResponseSchema>;

export const analyticsValueResponseSchema = z.object({
  ...freshness,
  groups: z.array(
    z.object({
      group,
      revenueFen: fen,
      enrolments: z.number().int(),
      averageOrderFen: ratio,
      newLeads: z.number().int(),
      revenuePerLeadFen: ratio,
      lifetimeRevenueFen: fen,
      lifetimeLeads: z.number().int(),
      lifetimeValuePerLeadFen: ratio,
    }),
  ),
});
export type AnalyticsValueResponse = z.infer<typeof analyticsValueResponseSchema>;

const stageConversion = z.object({
  stage,
  nextStage: stage,
  entered: z.number().int(),
  converted: z.number().int(),
  rate: ratio,
});
const cohort = z.object({ month: z.string(), isMature: z.boolean(), stages: z.array(stageConversion) });

export const analyticsEffectivenessResponseSchema = z.object({
  ...freshness,
  groups: z.array(z.object({ group, total: cohort, months: z.array(cohort) })),
});
export type AnalyticsEffectivenessResponse = z.infer<typeof analyticsEffectivenessResponseSchema>;

export const analyticsEfficiencyResponseSchema = z.object({
  ...freshness,
  targets: z.array(
    z.object({
      target: group,
      costFen: fen,
      newLeads: z.number().int(),
      mqls: z.number().int(),
      customers: z.number().int(),
      revenueFen: fen,
      costPerLeadFen: ratio,
      costPerMqlFen: ratio,
      costPerCustomerFen: ratio,
      roi: ratio,
    }),
  ),
});
export type AnalyticsEfficiencyResponse = z.infer<typeof analyticsEfficiencyResponseSchema>;

export const analyticsAttributionResponseSchema = z.object({
  ...freshness,
  lookbackDays: z.number().int(),
  revenueFen: fen,
  unattributedFen: fen,
  groups: z.array(z.object({ group, creditFen: fen, share: ratio })),
});
export type AnalyticsAttributionResponse = z.infer<typeof analyticsAttributionResponseSchema>;

/** A cost entry as a manager enters it (shared/analytics `costEntrySchema`, plus a note). */
export const marketingCostRequestSchema = z
  .strictObject({
    targetKind: z.enum(COST_TARGET_KINDS, { error: '请选择活动或渠道' }),
    target: z.string().trim().min(1, { error: '请填写活动或渠道' }).max(100, { error: '活动或渠道过长' }),
    fromDay: shanghaiDaySchema,
    toDay: shanghaiDaySchema,
    amountFen: amountFenSchema,
    note: z.string().trim().max(200, { error: '备注最多 200 字' }).optional(),
  })
  .refine(isOrderedPeriod, { error: '开始日期不能晚于结束日期', path: ['toDay'] });
export type MarketingCostRequest = z.infer<typeof marketingCostRequestSchema>;

export const marketingCostSchema = z.object({
  id: z.string(),
  targetKind: z.enum(COST_TARGET_KINDS),
  target: z.string(),
  fromDay: z.string(),
  toDay: z.string(),
  amountFen: fen,
  note: z.string().nullable(),
  enteredByStaffId: z.string().nullable(),
  updatedAt: z.string(),
});
export type MarketingCost = z.infer<typeof marketingCostSchema>;

export const marketingCostListQuerySchema = z.strictObject({
  fromDay: shanghaiDaySchema.optional(),
  toDay: shanghaiDaySchema.optional(),
});
export const marketingCostListResponseSchema = z.object({ costs: z.array(marketingCostSchema) });
export type MarketingCostListResponse = z.infer<typeof marketingCostListResponseSchema>;

export const marketingCostIdParamsSchema = z.object({ id: z.uuid({ error: '费用不存在' }) });

export const runAnalyticsFoldResponseSchema = z.object({
  skipped: z.boolean(),
  rebuilt: z.boolean(),
  changedLeads: z.number().int(),
  watermark: z.string().nullable(),
});
export type RunAnalyticsFoldResponse = z.infer<typeof runAnalyticsFoldResponseSchema>;

/** What a manager reads when a cost request fails. */
export const MARKETING_COST_MESSAGES = {
  notFound: '费用记录不存在或已删除',
} as const;
