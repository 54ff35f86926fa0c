/**
 * Funnel analytics (SPEC §2.6, issue 15, ADR 016): additive daily rollups, folded in by the cron
 * fold from the raw history, and the marketing costs managers enter.
 *
 * Every rollup is keyed by the Shanghai day and the lead's segment (`source`, `campaign_id`,
 * `campus_id`, `course_id`, the lead's current values, null = unknown) plus the table's own key
 * columns; each key is `UNIQUE NULLS NOT DISTINCT` so `ON CONFLICT` adds into the row of a null
 * key too. Values are sums; a fold adds the new facts' rows and the negation of retracted ones.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { leads } from './leads.js';
import { advisors } from './org.js';

const sum = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/** The segment columns every rollup is keyed by (shared/analytics `SEGMENT_DIMENSIONS`). */
const segmentColumns = () => ({
  day: date('day').notNull(),
  source: text('source'),
  campaignId: text('campaign_id'),
  campusId: text('campus_id'),
  courseId: text('course_id'),
});

/** Volume: arrivals, first arrivals and departures per stage and day (leads at the end = Σ arrivals − departures). */
export const analyticsStageDaily = pgTable(
  'analytics_stage_daily',
  {
    ...segmentColumns(),
    stage: text('stage').notNull(),
    arrivals: sum('arrivals'),
    firstArrivals: sum('first_arrivals'),
    departures: sum('departures'),
  },
  (t) => [
    unique('analytics_stage_daily_key')
      .on(t.day, t.stage, t.source, t.campaignId, t.campusId, t.courseId)
      .nullsNotDistinct(),
  ],
);

/** Velocity: moves out of a stage per day, pair and visit, the whole days spent as a key column (a histogram). */
export const analyticsVelocityDaily = pgTable(
  'analytics_velocity_daily',
  {
    ...segmentColumns(),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage').notNull(),
    visit: text('visit').notNull(),
    days: integer('days').notNull(),
    steps: sum('steps'),
  },
  (t) => [
    unique('analytics_velocity_daily_key')
      .on(t.day, t.fromStage, t.toStage, t.visit, t.days, t.source, t.campaignId, t.campusId, t.courseId)
      .nullsNotDistinct(),
  ],
);

/** Effectiveness: cohort entries per day of first arrival and stage, with the days to convert (null: not yet). */
export const analyticsCohortDaily = pgTable(
  'analytics_cohort_daily',
  {
    ...segmentColumns(),
    stage: text('stage').notNull(),
    daysToConvert: integer('days_to_convert'),
    leads: sum('leads'),
  },
  (t) => [
    unique('analytics_cohort_daily_key')
      .on(t.day, t.stage, t.daysToConvert, t.source, t.campaignId, t.campusId, t.courseId)
      .nullsNotDistinct(),
  ],
);

/**
 * Monthly checkpoints of the velocity and cohort histograms (ADR 016 "As built"): the same rows
 * with `day` truncated to the first of its month, folded in the same statement as the daily ones.
 * A period's whole months are read here (a row per key per month instead of per day), only its
 * partial edge months from the daily tables; the sums are equal because both are the same merge.
 */
export const analyticsVelocityMonthly = pgTable(
  'analytics_velocity_monthly',
  {
    ...segmentColumns(),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage').notNull(),
    visit: text('visit').notNull(),
    days: integer('days').notNull(),
    steps: sum('steps'),
  },
  (t) => [
    unique('analytics_velocity_monthly_key')
      .on(t.day, t.fromStage, t.toStage, t.visit, t.days, t.source, t.campaignId, t.campusId, t.courseId)
      .nullsNotDistinct(),
    check('analytics_velocity_monthly_month_ck', sql`extract(day from ${t.day}) = 1`),
  ],
);

export const analyticsCohortMonthly = pgTable(
  'analytics_cohort_monthly',
  {
    ...segmentColumns(),
    stage: text('stage').notNull(),
    daysToConvert: integer('days_to_convert'),
    leads: sum('leads'),
  },
  (t) => [
    unique('analytics_cohort_monthly_key')
      .on(t.day, t.stage, t.daysToConvert, t.source, t.campaignId, t.campusId, t.courseId)
      .nullsNotDistinct(),
    check('analytics_cohort_monthly_month_ck', sql`extract(day from ${t.day}) = 1`),
  ],
);

/** Value: new leads, enrolments and revenue per day. */
export const analyticsValueDaily = pgTable(
  'analytics_value_daily',
  {
    ...segmentColumns(),
    newLeads: sum('new_leads'),
    enrolments: sum('enrolments'),
    revenueFen: sum('revenue_fen'),
  },
  (t) => [
    unique('analytics_value_daily_key').on(t.day, t.source, t.campaignId, t.campusId, t.courseId).nullsNotDistinct(),
  ],
);

/**
 * The same monthly histograms merged over every segment but the campus (ADR 016 "As built"): at
 * a million leads a month of the segmented checkpoint is some 60,000 rows (sources × campaigns ×
 * campuses × courses × pairs × days), this a few thousand. Read when a query is filtered or
 * grouped by nothing but the campus (the dashboard's default, and every campus manager's scope).
 */
export const analyticsVelocityCampusMonthly = pgTable(
  'analytics_velocity_campus_monthly',
  {
    day: date('day').notNull(),
    campusId: text('campus_id'),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage').notNull(),
    visit: text('visit').notNull(),
    days: integer('days').notNull(),
    steps: sum('steps'),
  },
  (t) => [
    unique('analytics_velocity_campus_monthly_key')
      .on(t.day, t.fromStage, t.toStage, t.visit, t.days, t.campusId)
      .nullsNotDistinct(),
    check('analytics_velocity_campus_monthly_month_ck', sql`extract(day from ${t.day}) = 1`),
  ],
);

export const analyticsCohortCampusMonthly = pgTable(
  'analytics_cohort_campus_monthly',
  {
    day: date('day').notNull(),
    campusId: text('campus_id'),
    stage: text('stage').notNull(),
    daysToConvert: integer('days_to_convert'),
    leads: sum('leads'),
  },
  (t) => [
    unique('analytics_cohort_campus_monthly_key').on(t.day, t.stage, t.daysToConvert, t.campusId).nullsNotDistinct(),
    check('analytics_cohort_campus_monthly_month_ck', sql`extract(day from ${t.day}) = 1`),
  ],
);

/**
 * Monthly checkpoints of volume and value (ADR 016 "As built"): both read every row up to the
 * period's end (leads at the end, lifetime revenue), which at a million leads is most of a year of
 * daily rows per read. Whole months before and inside the period come from here instead.
 */
export const analyticsStageMonthly = pgTable(
  'analytics_stage_monthly',
  {
    ...segmentColumns(),
    stage: text('stage').notNull(),
    arrivals: sum('arrivals'),
    firstArrivals: sum('first_arrivals'),
    departures: sum('departures'),
  },
  (t) => [
    unique('analytics_stage_monthly_key')
      .on(t.day, t.stage, t.source, t.campaignId, t.campusId, t.courseId)
      .nullsNotDistinct(),
    check('analytics_stage_monthly_month_ck', sql`extract(day from ${t.day}) = 1`),
  ],
);

export const analyticsValueMonthly = pgTable(
  'analytics_value_monthly',
  {
    ...segmentColumns(),
    newLeads: sum('new_leads'),
    enrolments: sum('enrolments'),
    revenueFen: sum('revenue_fen'),
  },
  (t) => [
    unique('analytics_value_monthly_key').on(t.day, t.source, t.campaignId, t.campusId, t.courseId).nullsNotDistinct(),
    check('analytics_value_monthly_month_ck', sql`extract(day from ${t.day}) = 1`),
  ],
);

/** Attribution: each enrolment's credit per model and touched (channel, campaign), for the fold's lookback. */
export const analyticsAttributionDaily = pgTable(
  'analytics_attribution_daily',
  {
    ...segmentColumns(),
    model: text('model').notNull(),
    channel: text('channel'),
    touchCampaignId: text('touch_campaign_id'),
    creditFen: sum('credit_fen'),
    unattributedFen: sum('unattributed_fen'),
  },
  (t) => [
    unique('analytics_attribution_daily_key')
      .on(t.day, t.model, t.channel, t.touchCampaignId, t.source, t.campaignId, t.campusId, t.courseId)
      .nullsNotDistinct(),
  ],
);

/**
 * The segment each lead's facts were folded with (ADR 016): when a lead's campus, course or source
 * changes, the fold retracts its facts under this segment and adds them under the new one.
 */
export const analyticsLeadSegments = pgTable('analytics_lead_segments', {
  leadId: uuid('lead_id')
    .primaryKey()
    .references(() => leads.id, { onDelete: 'cascade' }),
  source: text('source'),
  campaignId: text('campaign_id'),
  campusId: text('campus_id'),
  courseId: text('course_id'),
});

/**
 * The fold's state (one row): facts recorded before `watermark` are in the rollups, credited with
 * `lookback_days` of touches before each enrolment.
 */
export const analyticsFoldState = pgTable('analytics_fold_state', {
  id: text('id').primaryKey(),
  watermark: timestamp('watermark', { withTimezone: true }).notNull(),
  lookbackDays: integer('lookback_days').notNull(),
  foldedAt: timestamp('folded_at', { withTimezone: true }).notNull(),
});

/** What marketing cost, per campaign or channel and period (issue 15 "costs a manager enters"). */
export const marketingCosts = pgTable(
  'marketing_costs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `campaign` (target = a campaign id) or `channel` (target = a lead source). */
    targetKind: text('target_kind', { enum: ['campaign', 'channel'] }).notNull(),
    target: text('target').notNull(),
    fromDay: date('from_day').notNull(),
    toDay: date('to_day').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    note: text('note'),
    enteredByStaffId: uuid('entered_by_staff_id').references(() => advisors.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('marketing_costs_amount_ck', sql`${t.amountFen} >= 0`),
    check('marketing_costs_days_ck', sql`${t.fromDay} <= ${t.toDay}`),
    index('marketing_costs_days_idx').on(t.toDay, t.fromDay),
  ],
);
