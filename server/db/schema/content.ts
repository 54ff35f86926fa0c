/**
 * Content items (SPEC §2.2, §2.5): articles, videos and e-books, each tagged with the journey
 * stage it signals; gated items need a registration before download.
 */
import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { courses } from './org.js';

export const CONTENT_KINDS = ['article', 'video', 'ebook'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const contentItems = pgTable(
  'content_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    kind: text('kind', { enum: CONTENT_KINDS }).notNull(),
    topic: text('topic').notNull(),
    /** The buying-journey stage reading this item signals (unaware … purchasing). */
    journeyStage: text('journey_stage').notNull(),
    isGated: boolean('is_gated').notNull().default(false),
    summary: text('summary'),
    body: text('body'),
    coverUrl: text('cover_url'),
    downloadUrl: text('download_url'),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('content_items_stage_published_idx').on(t.journeyStage, t.publishedAt.desc()),
    index('content_items_topic_idx').on(t.topic),
  ],
);
