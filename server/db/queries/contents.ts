/** Content items (SPEC §2.2): the feed and one item. */
import { and, asc, desc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { contentFiles, contentItems, touchpoints } from '../schema/index.js';

export type ContentRow = typeof contentItems.$inferSelect;
export type ContentFileRow = typeof contentFiles.$inferSelect;
export type ContentFileInsert = typeof contentFiles.$inferInsert;
/** A file without its bytes: what a page needs to offer the download. */
export type ContentFileInfo = Omit<ContentFileRow, 'bytes'>;

const { bytes: _bytes, ...fileInfoColumns } = getTableColumns(contentFiles);

/**
 * A page of the feed: items of `leadingStage` first (the viewer's journey stage), then newest
 * first. Offset-paged: the feed is a few hundred items at most, and the leading-stage order
 * makes a keyset cursor two-part for no gain at that size.
 */
export function listContentRows(
  db: Database,
  input: { topic?: string; journeyStage?: string; leadingStage: string | null; offset: number; limit: number },
): Promise<ContentRow[]> {
  const filters = [
    input.topic ? eq(contentItems.topic, input.topic) : undefined,
    input.journeyStage ? eq(contentItems.journeyStage, input.journeyStage) : undefined,
  ].filter((f) => f !== undefined);
  const newestFirst = [desc(contentItems.publishedAt), asc(contentItems.id)];
  const order = input.leadingStage
    ? [asc(sql`case when ${contentItems.journeyStage} = ${input.leadingStage} then 0 else 1 end`), ...newestFirst]
    : newestFirst;
  return db
    .select()
    .from(contentItems)
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(...order)
    .limit(input.limit)
    .offset(input.offset);
}

export async function listContentTopics(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ topic: contentItems.topic })
    .from(contentItems)
    .orderBy(asc(contentItems.topic));
  return rows.map((r) => r.topic);
}

export async function findContent(db: Database | Transaction, id: string): Promise<ContentRow | null> {
  const [row] = await db.select().from(contentItems).where(eq(contentItems.id, id));
  return row ?? null;
}

/** The files of these items, without their bytes, by content id. */
export async function listContentFileInfos(
  db: Database | Transaction,
  contentIds: readonly string[],
): Promise<Map<string, ContentFileInfo>> {
  if (contentIds.length === 0) return new Map();
  const rows = await db.select(fileInfoColumns).from(contentFiles).where(inArray(contentFiles.contentId, contentIds));
  return new Map(rows.map((r) => [r.contentId, r]));
}

/** An item with its file, bytes included (`GET /api/downloads/:contentId`). */
export async function findContentWithFile(
  db: Database | Transaction,
  contentId: string,
): Promise<{ content: ContentRow; file: ContentFileRow } | null> {
  const [row] = await db
    .select({ content: contentItems, file: contentFiles })
    .from(contentItems)
    .innerJoin(contentFiles, eq(contentFiles.contentId, contentItems.id))
    .where(eq(contentItems.id, contentId));
  return row ?? null;
}

/** Which of these content ids are gated items (device-reported downloads of those are ignored). */
export async function listGatedContentIds(db: Database | Transaction, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(and(inArray(contentItems.id, ids), eq(contentItems.isGated, true)));
  return new Set(rows.map((r) => r.id));
}

export async function insertContentFiles(db: Database, rows: readonly ContentFileInsert[]): Promise<void> {
  if (rows.length > 0) await db.insert(contentFiles).values([...rows]);
}

/**
 * The items a lead downloaded, each once with its latest download, latest first. Served by the
 * touchpoints' (lead, occurred_at) index; a lead has a few hundred touchpoints at most.
 */
export function listLeadDownloadRows(
  db: Database,
  leadId: string,
): Promise<{ content: ContentRow; downloadedAt: Date }[]> {
  const latest = db
    .select({
      contentId: touchpoints.contentId,
      downloadedAt: sql<Date>`max(${touchpoints.occurredAt})`.mapWith(touchpoints.occurredAt).as('downloaded_at'),
    })
    .from(touchpoints)
    .where(and(eq(touchpoints.leadId, leadId), eq(touchpoints.type, 'content_download')))
    .groupBy(touchpoints.contentId)
    .as('latest');
  return db
    .select({ content: contentItems, downloadedAt: latest.downloadedAt })
    .from(latest)
    .innerJoin(contentItems, eq(contentItems.id, latest.contentId))
    .orderBy(desc(latest.downloadedAt), asc(contentItems.id));
}

/** A topic's items, newest first: where an item's next step is chosen from (issue 14). */
export function listTopicContentRows(db: Database | Transaction, topic: string): Promise<ContentRow[]> {
  return db
    .select()
    .from(contentItems)
    .where(eq(contentItems.topic, topic))
    .orderBy(desc(contentItems.publishedAt), asc(contentItems.id))
    .limit(50);
}

/** A course's items, preferring those tagged with it, then its topic's (the course page's 相关内容). */
export function listCourseContentRows(
  db: Database | Transaction,
  course: { id: string; topic: string },
  limit: number,
): Promise<ContentRow[]> {
  return db
    .select()
    .from(contentItems)
    .where(or(eq(contentItems.courseId, course.id), eq(contentItems.topic, course.topic)))
    .orderBy(
      asc(sql`case when ${contentItems.courseId} = ${course.id} then 0 else 1 end`),
      desc(contentItems.publishedAt),
      asc(contentItems.id),
    )
    .limit(limit);
}
