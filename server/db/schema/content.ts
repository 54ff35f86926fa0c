/**
 * Content items (SPEC §2.2, §2.5): articles, videos and e-books, each tagged with the journey
 * stage it signals; gated items need a registration before download.
 */
import type { DownloadFileType } from '@scrm/shared';
import { boolean, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

/**
 * PostgreSQL `bytea`: node-postgres reads it as a Buffer, PGlite as a Uint8Array; both are
 * Uint8Arrays, and both drivers write a Uint8Array parameter as bytea.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The file behind a content item's download (ADR 009): the bytes in the database, so that the API
 * serves them itself, behind the gate, from any function instance. Sized for e-books and
 * brochures (a few MB at most); a larger catalogue moves to object storage behind the same route.
 */
export const contentFiles = pgTable('content_files', {
  contentId: uuid('content_id')
    .primaryKey()
    .references(() => contentItems.id, { onDelete: 'cascade' }),
  /** The name the file is saved under (`Content-Disposition`, RFC 6266); may be Chinese. */
  fileName: text('file_name').notNull(),
  /** One of `DOWNLOAD_FILE_TYPES`; the media type follows from it. */
  fileType: text('file_type').$type<DownloadFileType>().notNull(),
  byteSize: integer('byte_size').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
