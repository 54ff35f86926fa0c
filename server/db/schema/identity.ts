/**
 * Identity resolution (SPEC §4 "one person, one lead", ADR 010): merges of one lead into another,
 * recorded so that a manager can reverse them, and possible duplicates flagged for advisors when
 * two leads share a phone but cannot be merged automatically.
 */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { leads } from './leads.js';
import { advisors } from './org.js';

/** What a merge moved from the absorbed lead to the survivor, so that a reversal can move it back. */
export interface LeadMergeMoves {
  /** Touchpoints re-recorded on the survivor, with the time each was first received. */
  touchpoints: { id: string; receivedAt: string }[];
  bookings: string[];
  /** The survivor's columns the merge changed, as they were (first-touch attribution). */
  survivorBefore: { source: string | null; sourceCampaignId: string | null };
}

export const leadMerges = pgTable(
  'lead_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    survivorLeadId: uuid('survivor_lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    absorbedLeadId: uuid('absorbed_lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    /** What brought the two together: `registration`, `phone_binding`, `import`, `manual`. */
    cause: text('cause').notNull(),
    /** The identity rule's reason (shared/identity), e.g. `offline-lead-claimed`. */
    reason: text('reason').notNull(),
    moved: jsonb('moved').$type<LeadMergeMoves>().notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull(),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
    reversedByAdvisorId: uuid('reversed_by_advisor_id').references(() => advisors.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('lead_merges_survivor_idx').on(t.survivorLeadId),
    // A lead is absorbed at most once while the merge stands.
    uniqueIndex('lead_merges_absorbed_active_uq').on(t.absorbedLeadId).where(sql`${t.reversedAt} is null`),
  ],
);

/**
 * A possible duplicate for advisors to look at (SPEC §4 "or flagged as a duplicate"): `leadId`
 * (the newer lead) shares a phone with `duplicateOfLeadId` but the two were not merged, e.g. two
 * WeChat users (a parent and a student) or a number WeChat has not verified.
 */
export const leadDuplicates = pgTable(
  'lead_duplicates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    duplicateOfLeadId: uuid('duplicate_of_lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    /** The identity rule's reason (shared/identity), e.g. `different-wechat-users`. */
    reason: text('reason').notNull(),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
    /** Set when the pair was merged or an advisor dismissed the flag. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('lead_duplicates_pair_uq').on(t.leadId, t.duplicateOfLeadId),
    index('lead_duplicates_of_idx').on(t.duplicateOfLeadId),
  ],
);
