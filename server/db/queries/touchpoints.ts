/** Touchpoint writes and reads (SPEC §2.1): recorded once, never lost. */
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../client.js';
import { contentItems, touchpoints } from '../schema/index.js';

export type TouchpointInsert = typeof touchpoints.$inferInsert;
export type TouchpointRow = typeof touchpoints.$inferSelect;

/** The touchpoint columns in the table's order, by their database names. */
const TOUCHPOINT_COLUMNS = Object.values(getTableColumns(touchpoints)).map((column) => column.name);

/** A row as `json_populate_recordset` reads it: database column names, times as ISO strings. */
function toJsonRow(row: TouchpointInsert): Record<string, unknown> {
  return {
    id: row.id,
    lead_id: row.leadId,
    type: row.type,
    occurred_at: row.occurredAt.toISOString(),
    received_at: (row.receivedAt ?? new Date()).toISOString(),
    channel: row.channel ?? null,
    campaign_id: row.campaignId ?? null,
    channel_id: row.channelId ?? null,
    content_id: row.contentId ?? null,
    referrer: row.referrer ?? null,
    props: row.props ?? {},
  };
}

/**
 * Inserts the touchpoints whose id is new for their lead and returns them, each with the journey
 * stage its content item is tagged with (`INSERT … ON CONFLICT DO NOTHING RETURNING`, the tag read
 * by a scalar subquery in RETURNING, saving a round trip per batch). The key is (lead, id): an id
 * is unique per lead, not across leads (issue 8 item 9). A concurrent insert of the same key
 * waits for the other transaction and then does nothing (PostgreSQL's unique-index check), so two
 * copies arriving at once count once. Rows go in id order so that two batches sharing ids lock
 * them in the same order and cannot deadlock.
 *
 * The rows travel as one JSON parameter read by `json_populate_recordset`, not as a multi-row
 * VALUES: drizzle types every bound parameter on its own (a 100-event batch binds 1,000), which
 * was a fifth of the server's CPU under load (issue 12, docs/performance.md); one text parameter
 * costs one JSON.stringify and reads the same on PGlite and node-postgres.
 */
export async function insertNewTouchpoints(
  tx: Transaction,
  rows: readonly TouchpointInsert[],
): Promise<Map<string, string | null>> {
  if (rows.length === 0) return new Map();
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const columns = sql.raw(TOUCHPOINT_COLUMNS.map((name) => `"${name}"`).join(', '));
  const json = JSON.stringify(sorted.map(toJsonRow));
  const inserted = await tx
    .insert(touchpoints)
    .select(sql`select ${columns} from json_populate_recordset(null::${touchpoints}, ${json}::json)`)
    .onConflictDoNothing({ target: [touchpoints.leadId, touchpoints.id] })
    .returning({
      id: touchpoints.id,
      contentStage: sql<
        string | null
      >`(select ${contentItems.journeyStage} from ${contentItems} where ${contentItems.id} = ${touchpoints.contentId})`,
    });
  return new Map(inserted.map((r) => [r.id, r.contentStage]));
}

/** A lead's touchpoints in the order they happened (for rescoring under a new model). */
export async function listLeadTouchpoints(tx: Transaction, leadId: string): Promise<TouchpointRow[]> {
  return tx
    .select()
    .from(touchpoints)
    .where(eq(touchpoints.leadId, leadId))
    .orderBy(asc(touchpoints.occurredAt), asc(touchpoints.id));
}

/** Which of these ids the lead already has (ids are unique per lead, issue 8 item 9). */
export async function listLeadTouchpointIds(
  tx: Transaction,
  leadId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: touchpoints.id })
    .from(touchpoints)
    .where(and(eq(touchpoints.leadId, leadId), inArray(touchpoints.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}
