/**
 * Leads: one row per prospect (student or parent), keyed by WeChat openid when they came through
 * the mini-program. Holds the profile (fit inputs, SPEC §2.3), consent (SPEC §4), both stage
 * models (SPEC §2.2), the score state with denormalised totals for sorting, and the owner.
 */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { advisors, campuses } from './org.js';

export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** WeChat openid; null for leads imported offline (a fair, a list) until they log in. */
    openid: text('openid').unique(),
    unionid: text('unionid'),
    name: text('name'),
    /** Mainland mobile number, normalised to 11 digits; masked in every list (SPEC §4). */
    phone: text('phone'),
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
    // Profile: the fit inputs and BANT fields (SPEC §2.3); values as in shared/scoring's profile.
    role: text('role').notNull().default('unknown'),
    gradeBand: text('grade_band').notNull().default('unknown'),
    city: text('city'),
    /** Whether the city is within reach of the chosen campus (a fit input, SPEC §2.3). */
    campusReach: text('campus_reach').notNull().default('unknown'),
    courseInterest: text('course_interest'),
    budgetBand: text('budget_band').notNull().default('unknown'),
    timeline: text('timeline').notNull().default('unknown'),
    decisionMaker: text('decision_maker').notNull().default('unknown'),
    need: text('need').notNull().default('unknown'),
    /** Consent before personal data is stored (SPEC §4): which privacy policy, agreed when. */
    consentPolicyVersion: text('consent_policy_version'),
    consentAgreedAt: timestamp('consent_agreed_at', { withTimezone: true }),
    /** Lead lifecycle stage (SPEC §2.2): awareness … customer, advocate, dormant. */
    lifecycleStage: text('lifecycle_stage').notNull().default('awareness'),
    lifecycleStageAt: timestamp('lifecycle_stage_at', { withTimezone: true }).notNull().defaultNow(),
    /** Buying-journey stage (SPEC §2.2): unaware … purchasing. */
    journeyStage: text('journey_stage').notNull().default('unaware'),
    journeyStageAt: timestamp('journey_stage_at', { withTimezone: true }).notNull().defaultNow(),
    /** Arrivals per lifecycle stage, for ordinals (MQL-02, SPEC §2.2); shared/lifecycle's state. */
    lifecycleArrivals: jsonb('lifecycle_arrivals').$type<Record<string, number>>().notNull().default({}),
    /** Decayed journey evidence and arrivals (shared/journey); `{}` until the first signal. */
    journeyState: jsonb('journey_state').$type<Record<string, unknown>>().notNull().default({}),
    /** The scoring state (shared/scoring); the three numbers below are copies for sorting. */
    scoreState: jsonb('score_state').$type<Record<string, unknown>>().notNull().default({}),
    scoreTotal: real('score_total').notNull().default(0),
    scoreFit: real('score_fit').notNull().default(0),
    scoreEngagement: real('score_engagement').notNull().default(0),
    scoringModelVersion: integer('scoring_model_version'),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
    /** Routing (SPEC §2.4): the owner, when assigned, and when the advisor must act by. */
    ownerAdvisorId: uuid('owner_advisor_id').references(() => advisors.id, { onDelete: 'set null' }),
    ownerAssignedAt: timestamp('owner_assigned_at', { withTimezone: true }),
    ownerAcceptedAt: timestamp('owner_accepted_at', { withTimezone: true }),
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }),
    /**
     * Returned by an advisor at this time, with no meaningful activity since: the score alone may
     * not re-qualify the lead (issue 9 §7; shared/lead `nurtureHoldSince`).
     */
    nurtureHoldSince: timestamp('nurture_hold_since', { withTimezone: true }),
    /** When the advisor plans the next follow-up (logged with a call, chat or visit, issue 9 §4). */
    nextFollowUpAt: timestamp('next_follow_up_at', { withTimezone: true }),
    campusId: uuid('campus_id').references(() => campuses.id, { onDelete: 'set null' }),
    referrerLeadId: uuid('referrer_lead_id').references((): AnyPgColumn => leads.id, { onDelete: 'set null' }),
    /** First-touch attribution copied at creation (utm-like, SPEC §2.1). */
    source: text('source'),
    sourceCampaignId: text('source_campaign_id'),
    /** The channel code (渠道码) that first brought the lead (ADR 020); no foreign key, as for touchpoints. */
    sourceChannelId: uuid('source_channel_id'),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    /** Free tags a manager or an import gives a lead; campaign audiences select on them (`tags && $1`). */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /**
     * The workbench's tie-break after the score: the latest activity, or the creation time of a
     * lead without any. Generated (PostgreSQL keeps it in step), never null, so the list's keyset
     * `(score_total, rank_activity_at, id)` is one row comparison an index can serve.
     */
    rankActivityAt: timestamp('rank_activity_at', { withTimezone: true })
      .notNull()
      .generatedAlwaysAs(sql`coalesce(last_activity_at, created_at)`),
    /** Set when the prospect deleted their data (SPEC §4): personal fields are cleared, the row stays for counts. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /**
     * Set when this lead was absorbed into another one by identity resolution (SPEC §4 "one
     * person, one lead", ADR 010): its history moved there; the row stays so a manager can
     * reverse the merge (`lead_merges`). A merged lead is not live: lists and services skip it.
     */
    mergedIntoLeadId: uuid('merged_into_lead_id').references((): AnyPgColumn => leads.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The workbench's lists (issue 9 §3), ranked by score then recent activity, over contactable
    // leads only (a phone on file, not erased): an advisor's own list, the unowned pool, and a
    // manager's team or campus view. Anonymous visitors' score updates never touch these.
    index('leads_owner_rank_idx')
      .on(t.ownerAdvisorId, t.scoreTotal.desc(), t.rankActivityAt.desc(), t.id.desc())
      .where(sql`${t.phone} is not null and ${t.erasedAt} is null`),
    index('leads_pool_rank_idx')
      .on(t.scoreTotal.desc(), t.rankActivityAt.desc(), t.id.desc())
      .where(sql`${t.ownerAdvisorId} is null and ${t.phone} is not null and ${t.erasedAt} is null`),
    index('leads_contact_rank_idx')
      .on(t.scoreTotal.desc(), t.rankActivityAt.desc(), t.id.desc())
      .where(sql`${t.phone} is not null and ${t.erasedAt} is null`),
    index('leads_campus_stage_idx').on(t.campusId, t.lifecycleStage),
    index('leads_stage_score_idx').on(t.lifecycleStage, t.scoreTotal.desc()),
    index('leads_journey_stage_idx').on(t.journeyStage),
    // Inactivity audiences (dormant, re-engagement) and SLA sweeps.
    index('leads_last_activity_idx').on(t.lastActivityAt),
    index('leads_sla_due_idx').on(t.slaDueAt),
    index('leads_referrer_idx').on(t.referrerLeadId),
    index('leads_phone_idx').on(t.phone),
    index('leads_created_idx').on(t.createdAt),
    index('leads_tags_idx').using('gin', t.tags),
    index('leads_source_channel_idx').on(t.sourceChannelId).where(sql`${t.sourceChannelId} is not null`),
  ],
);
