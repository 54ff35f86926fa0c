/** Touchpoint writes and reads (SPEC §2.1): recorded once, never lost. */
import { type AnyColumn, and, asc, eq, getTableColumns, getTableName, inArray, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../client.js';
import { contentItems, leads, scoringModels, touchpoints } from '../schema/index.js';
import { type LeadRow, SCORING_MODEL_KEY } from './leads.js';
import { listColumns, type NamedStatement, quoted, readRow, runNamed } from './raw-sql.js';

export type TouchpointInsert = typeof touchpoints.$inferInsert;
export type TouchpointRow = typeof touchpoints.$inferSelect;

/** The touchpoint columns in the table's order, by their database names. */
const TOUCHPOINT_COLUMNS = Object.values(getTableColumns(touchpoints)).map((column) => column.name);

/**
 * A row as `json_populate_recordset` reads it: database column names, times as ISO strings. The
 * rows of a batch share one `receivedAt` object, so `formatReceived` formats it once per batch.
 */
function toJsonRow(row: TouchpointInsert, formatReceived: (at: Date) => string): Record<string, unknown> {
  return {
    id: row.id,
    lead_id: row.leadId,
    type: row.type,
    occurred_at: row.occurredAt.toISOString(),
    received_at: formatReceived(row.receivedAt ?? new Date()),
    channel: row.channel ?? null,
    campaign_id: row.campaignId ?? null,
    channel_id: row.channelId ?? null,
    content_id: row.contentId ?? null,
    referrer: row.referrer ?? null,
    props: row.props ?? {},
  };
}

/** The rows as one JSON text, in id order (see `insertRowsStatement`). */
function toJsonRows(rows: readonly TouchpointInsert[]): string {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let last: Date | null = null;
  let lastIso = '';
  const formatReceived = (at: Date) => {
    if (at !== last) {
      last = at;
      lastIso = at.toISOString();
    }
    return lastIso;
  };
  return JSON.stringify(sorted.map((row) => toJsonRow(row, formatReceived)));
}

/**
 * The touchpoint rows as one `INSERT … SELECT` reading a JSON parameter, keeping only ids new for
 * their lead. The rows travel as one JSON text read by `json_populate_recordset`, not as a
 * multi-row VALUES: drizzle types every bound parameter on its own (a 100-event batch binds 1,000),
 * which was a fifth of the server's CPU under load (issue 12, docs/performance.md); one text
 * parameter costs one JSON.stringify and reads the same on PGlite and node-postgres. Rows go in id
 * order so that two batches sharing ids lock them in the same order and cannot deadlock.
 */
function insertRowsStatement(
  tx: Transaction,
  rows: readonly TouchpointInsert[],
  guard?: SQL,
  /** The channel of a row that names none (the lead's first channel code, ADR 020). */
  channelFallback?: SQL,
) {
  const columns = sql.join(
    TOUCHPOINT_COLUMNS.map((name) =>
      name === 'channel_id' && channelFallback
        ? sql`coalesce("channel_id", ${channelFallback}) as "channel_id"`
        : sql.raw(`"${name}"`),
    ),
    sql`, `,
  );
  const json = toJsonRows(rows);
  return tx
    .insert(touchpoints)
    .select(
      sql`select ${columns} from json_populate_recordset(null::${touchpoints}, ${json}::json)${guard ? sql` where ${guard}` : sql``}`,
    )
    .onConflictDoNothing({ target: [touchpoints.leadId, touchpoints.id] });
}

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

/** The statement of `lockLeadAndInsertTouchpoints`, built once from the schema (its text never varies). */
function buildLockAndInsertStatement(): NamedStatement {
  const [lead, tp, model, content] = [leads, touchpoints, scoringModels, contentItems].map(getTableName);
  const leadColumn = (key: 'sourceChannelId' | 'erasedAt' | 'mergedIntoLeadId') => quoted(leads[key].name);
  const columns = TOUCHPOINT_COLUMNS.map(quoted);
  const selected = TOUCHPOINT_COLUMNS.map((name) =>
    name === touchpoints.channelId.name
      ? `coalesce("${name}", (select ${leadColumn('sourceChannelId')} from locked)) as "${name}"`
      : quoted(name),
  );
  return {
    name: 'ingest_lock_lead_insert_touchpoints',
    text: [
      `with locked as (select * from "${lead}" where ${quoted(leads.id.name)} = $1::uuid for update),`,
      `new_rows as (insert into "${tp}" (${columns.join(', ')})`,
      `  select ${selected.join(', ')} from json_populate_recordset(null::"${tp}", $2::json)`,
      `  where exists (select 1 from locked where ${leadColumn('erasedAt')} is null and ${leadColumn('mergedIntoLeadId')} is null)`,
      `  on conflict (${quoted(touchpoints.leadId.name)}, ${quoted(touchpoints.id.name)}) do nothing`,
      `  returning ${quoted(touchpoints.id.name)}, ${quoted(touchpoints.contentId.name)})`,
      `select locked.*,`,
      `  (select ${SCORING_MODEL_KEY} from "${model}" where ${quoted(scoringModels.isActive.name)}) as "${ACTIVE_MODEL}",`,
      `  (select coalesce(json_agg(json_build_array(n.${quoted(touchpoints.id.name)},`,
      `    (select ${quoted(contentItems.journeyStage.name)} from "${content}" where ${quoted(contentItems.id.name)} = n.${quoted(touchpoints.contentId.name)}))), '[]'::json)`,
      `   from new_rows n) as "${INSERTED}"`,
      `from locked`,
    ].join('\n'),
  };
}

// Result columns beside the lead's own; no lead column starts with an underscore.
const ACTIVE_MODEL = '_active_model_key';
const INSERTED = '_inserted';
const LEAD_COLUMNS = listColumns(leads);
let lockAndInsert: NamedStatement | undefined;

/**
 * The lead locked (`SELECT … FOR UPDATE`, as `lockLead`) and its new touchpoints inserted, in one
 * statement: the batch path's first round trip (issue 12). The insert reads the locked row, so
 * the lock is taken before any row is written and a batch racing another for the same lead
 * inserts only after the other commits, seeing the ids it stored as duplicates. A lead erased or
 * merged away is returned with nothing inserted; no lead, `null`. The active scoring model comes
 * as its key (`SCORING_MODEL_KEY`), not its document. The text is built once and runs
 * as a named prepared statement (`runNamed`, ADR 021): it is the hottest statement of the app.
 */
export async function lockLeadAndInsertTouchpoints(
  tx: Transaction,
  leadId: string,
  rows: readonly TouchpointInsert[],
): Promise<{ lead: LeadRow; activeModelKey: string | null; inserted: Map<string, string | null> } | null> {
  lockAndInsert ??= buildLockAndInsertStatement();
  const [row] = await runNamed(tx, lockAndInsert, [leadId, toJsonRows(rows)]);
  if (!row) return null;
  return {
    lead: readRow<LeadRow>(LEAD_COLUMNS, row),
    activeModelKey: (row[ACTIVE_MODEL] as string | null | undefined) ?? null,
    inserted: new Map(readJson<[string, string | null][]>(row[INSERTED])),
  };
}

/** A `json` result column: node-postgres parses it, PGlite too; text only if a driver did not. */
function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
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
