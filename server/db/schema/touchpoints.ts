/**
 * Touchpoints (SPEC §2.1) and stage transitions (SPEC §2.2): the append-only history of a lead.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { leads } from './leads.js';

export const touchpoints = pgTable(
  'touchpoints',
  {
    /**
     * The client-generated event id. The primary key is (lead, id): idempotency is scoped to the
     * lead (SPEC §4), so an id another prospect used is new for this one and nobody learns that
     * it exists (issue 8 item 9).
     */
    id: uuid('id').notNull(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    /** One of `TOUCHPOINT_TYPES` in shared/events. */
    type: text('type').notNull(),
    /** When it happened on the device. */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** When the server stored it. */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    channel: text('channel'),
    campaignId: text('campaign_id'),
    /**
     * The channel code (渠道码) this touchpoint is attributed to (ADR 020): the one scanned in this
     * visit, else the lead's first. No foreign key: a touchpoint is history and outlives a channel.
     */
    channelId: uuid('channel_id'),
    contentId: uuid('content_id'),
    referrer: text('referrer'),
    props: jsonb('props').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.leadId, t.id] }),
    // A lead's timeline; attribution and analytics by type, campaign and content.
    index('touchpoints_lead_occurred_idx').on(t.leadId, t.occurredAt),
    index('touchpoints_type_occurred_idx').on(t.type, t.occurredAt),
    index('touchpoints_campaign_idx').on(t.campaignId, t.occurredAt).where(sql`${t.campaignId} is not null`),
    // A channel's counts (scans, registrations, bookings) are an index range per channel and type.
    index('touchpoints_channel_type_idx').on(t.channelId, t.type).where(sql`${t.channelId} is not null`),
    index('touchpoints_content_idx').on(t.contentId).where(sql`${t.contentId} is not null`),
    // The analytics fold's new touches since its watermark (ADR 016).
    index('touchpoints_received_idx').on(t.receivedAt),
  ],
);

export const STAGE_MODELS = ['lifecycle', 'journey'] as const;
export type StageModel = (typeof STAGE_MODELS)[number];

export const stageTransitions = pgTable(
  'stage_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    model: text('model', { enum: STAGE_MODELS }).notNull(),
    /** Null for the first stage a lead enters. */
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    /** The nth time this lead entered `toStage` in this model: 2 for MQL-02 (SPEC §2.2). */
    ordinal: integer('ordinal').notNull(),
    /** Why: the rule and the touchpoint, advisor action or score that caused it. */
    cause: jsonb('cause').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /**
     * The order the rows were recorded in. The moves one signal causes share its time (a fit
     * change makes a lead TGT-01 and its score MQL-01 at the same instant), so a history read by
     * time alone could list them either way round; `(at, seq)` keeps the machine's order.
     */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    /**
     * When the row was written (the service's clock, like a touchpoint's `received_at`; not `at`):
     * the analytics fold takes the moves recorded since its watermark (ADR 016), late and
     * back-dated ones included.
     */
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stage_transitions_ordinal_uq').on(t.leadId, t.model, t.toStage, t.ordinal),
    index('stage_transitions_lead_at_idx').on(t.leadId, t.at),
    // Volume and velocity per stage and period (SPEC §2.6).
    index('stage_transitions_model_stage_at_idx').on(t.model, t.toStage, t.at),
    index('stage_transitions_recorded_idx').on(t.recordedAt),
  ],
);
