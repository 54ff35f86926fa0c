/** Touchpoint writes and reads (SPEC §2.1): recorded once, never lost. */
import { type AnyColumn, and, asc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../client.js';
import { contentItems, leads, touchpoints } from '../schema/index.js';
import { activeScoringModelDocument, type LeadRow } from './leads.js';

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
    content_id: row.contentId ?? null,
    referrer: row.referrer ?? null,
    props: row.props ?? {},
  };
}

/**
 * The touchpoint rows as one `INSERT … SELECT` reading a JSON parameter, keeping only ids new for
 * their lead. The rows travel as one JSON text read by `json_populate_recordset`, not as a
 * multi-row VALUES: drizzle types every bound parameter on its own (a 100-event batch binds 1,000),
 * which was a fifth of the server's CPU under load (issue 12, docs/performance.md); one text
 * parameter costs one JSON.stringify and reads the same on PGlite and node-postgres. Rows go in id
 * order so that two batches sharing ids lock them in the same order and cannot deadlock.
 */
function insertRowsStatement(tx: Transaction, rows: readonly TouchpointInsert[], guard?: SQL) {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const columns = sql.raw(TOUCHPOINT_COLUMNS.map((name) => `"${name}"`).join(', '));
  const json = JSON.stringify(sorted.map(toJsonRow));
  return tx
    .insert(touchpoints)
    .select(
      sql`select ${columns} from json_populate_recordset(null::${touchpoints}, ${json}::json)${guard ? sql` where ${guard}` : sql``}`,
    )
    .onConflictDoNothing({ target: [touchpoints.leadId, touchpoints.id] });
}

/** Neither erased nor merged away (`isLiveLead`), on the locked row. */
const isLiveLeadRow = (row: { erasedAt: AnyColumn; mergedIntoLeadId: AnyColumn }) =>
  sql`${row.erasedAt} is null and ${row.mergedIntoLeadId} is null`;

/** The journey stage a touchpoint's content item is tagged with, read where the row is returned. */
const contentStageOf = (contentId: SQL | AnyColumn) =>
  sql<
    string | null
  >`(select ${contentItems.journeyStage} from ${contentItems} where ${contentItems.id} = ${contentId})`;

/**
 * Inserts the touchpoints whose id is new for their lead and returns them, each with the journey
 * stage its content item is tagged with. The key is (lead, id): an id is unique per lead, not
 * across leads (issue 8 item 9). A concurrent insert of the same key waits for the other
 * transaction and then does nothing (PostgreSQL's unique-index check), so two copies arriving at
 * once count once.
 */
export async function insertNewTouchpoints(
  tx: Transaction,
  rows: readonly TouchpointInsert[],
): Promise<Map<string, string | null>> {
  if (rows.length === 0) return new Map();
  const inserted = await insertRowsStatement(tx, rows).returning({
    id: touchpoints.id,
    contentStage: contentStageOf(touchpoints.contentId),
  });
  return new Map(inserted.map((r) => [r.id, r.contentStage]));
}

/**
 * The lead locked (`SELECT … FOR UPDATE`, as `lockLead`) and its new touchpoints inserted, in one
 * statement: the batch path's first round trip (issue 12). The insert reads the locked row, so
 * the lock is taken before any row is written and a batch racing another for the same lead
 * inserts only after the other commits, seeing the ids it stored as duplicates. A lead erased or
 * merged away is returned with nothing inserted; no lead, `null`.
 */
export async function lockLeadAndInsertTouchpoints(
  tx: Transaction,
  leadId: string,
  rows: readonly TouchpointInsert[],
): Promise<{ lead: LeadRow; activeModelDocument: unknown | null; inserted: Map<string, string | null> } | null> {
  const locked = tx
    .$with('locked')
    .as(tx.select().from(leads).where(eq(leads.id, leadId)).for('update', { of: leads }));
  const newRows = tx.$with('new_rows').as(
    insertRowsStatement(tx, rows, sql`exists (select 1 from ${locked} where ${isLiveLeadRow(locked)})`).returning({
      id: touchpoints.id,
      contentId: touchpoints.contentId,
    }),
  );
  const leadFields = Object.fromEntries(
    Object.keys(getTableColumns(leads)).map((key) => [key, locked[key as keyof LeadRow]]),
  );
  const [row] = await tx
    .with(locked, newRows)
    .select({
      lead: leadFields as unknown as typeof leads._.columns,
      activeModelDocument: activeScoringModelDocument(),
      inserted: sql<
        [string, string | null][]
      >`(select coalesce(json_agg(json_build_array(${newRows.id}, ${contentStageOf(newRows.contentId)})), '[]'::json) from ${newRows})`,
    })
    .from(locked);
  if (!row) return null;
  return { lead: row.lead as LeadRow, activeModelDocument: row.activeModelDocument, inserted: new Map(row.inserted) };
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
