/**
 * Subscribe-message grants and the campaign message outbox (SPEC §2.5): a one-time subscription
 * allows exactly one message of its template; a message is sent at most once per
 * (campaign, step, lead), even when cron runs overlap or a send is retried.
 */
import { sql } from 'drizzle-orm';
import {
  check,
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

/**
 * Grants per (lead, template). Spend with `UPDATE … SET spent_count = spent_count + 1 WHERE
 * spent_count < granted_count` so that two senders can never spend one grant.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull(),
    grantedCount: integer('granted_count').notNull().default(0),
    spentCount: integer('spent_count').notNull().default(0),
    lastGrantedAt: timestamp('last_granted_at', { withTimezone: true }),
    lastSpentAt: timestamp('last_spent_at', { withTimezone: true }),
    lastRejectedAt: timestamp('last_rejected_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.leadId, t.templateId] }),
    check('subscriptions_spent_ck', sql`${t.spentCount} >= 0 and ${t.spentCount} <= ${t.grantedCount}`),
  ],
);

/**
 * `unknown`: the send may have reached WeChat but no answer was read (a crash, a dropped
 * connection); it is never retried (at most once, ADR 015) and is listed for a person to look at.
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped', 'unknown'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One row per message a campaign means to send. The unique key makes "at most once" a database
 * fact; the runner claims due rows with `FOR UPDATE SKIP LOCKED` and a lease (`locked_until`).
 */
export const messageOutbox = pgTable(
  'message_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `campaigns.id` as text (the table came first; joins cast the uuid). */
    campaignId: text('campaign_id').notNull(),
    stepId: text('step_id').notNull(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull(),
    /** A/B variant key, when the step has variants. */
    variant: text('variant'),
    /** The subscribeMessage.send body: `data`, `page` (with the campaign id), language, state. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the step fell due (its expiry counts from here, `checkStepDispatch`). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** `subscribe_message` or `in_app_message`, decided when claimed. */
    channel: text('channel'),
    /** Why it was skipped, deferred or failed (a code of shared/campaigns `reasons.ts`). */
    reason: text('reason'),
    /** Not before this time (send hours, quiet hours, step delays). */
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The WeChat errcode of the last failure (e.g. 43101: no grant). */
    errcode: integer('errcode'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('message_outbox_campaign_step_lead_uq').on(t.campaignId, t.stepId, t.leadId),
    // The work queue: due pending rows in order.
    index('message_outbox_due_idx').on(t.scheduledAt).where(sql`${t.status} = 'pending'`),
    // Per-lead frequency caps: messages sent to a lead in a period.
    index('message_outbox_lead_sent_idx').on(t.leadId, t.sentAt),
    // Leases that ran out while sending: the runner turns them into `unknown`.
    index('message_outbox_sending_idx').on(t.lockedUntil).where(sql`${t.status} = 'sending'`),
  ],
);
