/**
 * Channels (渠道) and their mini-program codes (issue 13 §4, ADR 020): a fair stand, a poster, a
 * seminar handout, an advisor's business card. The code's `scene` names the channel; touchpoints
 * and leads point back at it (`touchpoints.channel_id`, `leads.source_channel_id`), and its counts
 * are read from those.
 */

import type { ChannelKind } from '@scrm/shared';
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './content.js';
import { advisors, campuses } from './org.js';

export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** One of `CHANNEL_KINDS` (shared/channels). */
    kind: text('kind').$type<ChannelKind>().notNull(),
    campusId: uuid('campus_id')
      .notNull()
      .references(() => campuses.id, { onDelete: 'restrict' }),
    /** The campaign its leads are attributed to; campaigns live elsewhere, so no foreign key. */
    campaignId: text('campaign_id'),
    /** The advisor whose card this is: leads from the code are routed to them. */
    advisorId: uuid('advisor_id').references(() => advisors.id, { onDelete: 'set null' }),
    /** The mini-program page the code opens (one of `CHANNEL_LANDING_PAGES`). */
    landingPage: text('landing_page').notNull(),
    /** `encodeChannelScene(id)`: ≤ 32 characters of WeChat's scene set, what a scan carries. */
    scene: text('scene').notNull().unique(),
    /**
     * The code's PNG as WeChat drew it, kept because wxacode.getUnlimited is rate-limited: it is
     * fetched once per channel and page, and again only when the landing page changes.
     */
    codePng: bytea('code_png'),
    /** The page `codePng` opens: a cached image for another page is stale. */
    codePage: text('code_page'),
    createdByStaffId: uuid('created_by_staff_id').references(() => advisors.id, { onDelete: 'set null' }),
    /** Archived channels leave the list; their printed codes still attribute. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('channels_campus_created_idx').on(t.campusId, t.createdAt.desc()),
    index('channels_advisor_idx').on(t.advisorId).where(sql`${t.advisorId} is not null`),
  ],
);
