/**
 * Nurture campaigns (SPEC §2.5, issue 13, ADR 015): the campaign with its versioned document, who
 * is in it (members, set-wise enrolled by the runner) and the in-app messages (站内消息) a lead
 * without a grant gets instead of a subscribe message.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { leads } from './leads.js';

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A campaign: its current document (parsed by `campaignDocumentSchema`) and status. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The document's `key`; a built-in track's key when created from one. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    /** The document's `version`; every saved edit is a new one (`campaign_versions`). */
    version: integer('version').notNull().default(1),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    /** The built-in track it was copied from, if any. */
    builtInKey: text('built_in_key'),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('campaigns_key_uq').on(t.key), index('campaigns_status_idx').on(t.status)],
);

/** Every saved version of a campaign's document, so a manager can see what was sent under which. */
export const campaignVersions = pgTable(
  'campaign_versions',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.version] })],
);

/**
 * Who is in a campaign: one row per (campaign, lead), written set-wise by the runner's enrolment
 * statement. `exited_at` ends the membership for good (enrolment, unsubscribe, an advisor, …).
 */
export const campaignMembers = pgTable(
  'campaign_members',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    exitedAt: timestamp('exited_at', { withTimezone: true }),
    /** One of `CAMPAIGN_EXIT_REASONS`. */
    exitReason: text('exit_reason'),
    /** The A/B variant of the lead's last step with variants (per step it is `message_outbox.variant`). */
    variant: text('variant'),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.leadId] }),
    index('campaign_members_active_idx').on(t.campaignId, t.enteredAt).where(sql`${t.exitedAt} is null`),
    index('campaign_members_lead_idx').on(t.leadId),
  ],
);

/**
 * In-app messages (站内消息): what a campaign step shows on the prospect's Me page when there is
 * no grant for its subscribe message. One per outbox row at most.
 */
export const leadMessages = pgTable(
  'lead_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    /** The outbox row it delivers (unique: a step is shown at most once). */
    outboxId: uuid('outbox_id'),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    stepId: text('step_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The mini-program page it opens, with the campaign and step in its query. */
    page: text('page').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('lead_messages_outbox_uq').on(t.outboxId),
    index('lead_messages_lead_created_idx').on(t.leadId, t.createdAt.desc()),
  ],
);
