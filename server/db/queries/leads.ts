/**
 * Lead queries used when a lead moves (SPEC §2.2, §2.3): the row lock, the stored progress and
 * the append-only history (stage transitions, score ledger).
 */
import { type Column, eq, getTableName, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { leads, scoreLedger, scoringModels, stageTransitions } from '../schema/index.js';
import { listColumns, type NamedStatement, quoted, readRow, runNamed, toDriverValue } from './raw-sql.js';

export type LeadRow = typeof leads.$inferSelect;
export type LeadUpdate = Partial<typeof leads.$inferInsert>;
export type StageTransitionInsert = typeof stageTransitions.$inferInsert;
export type ScoreLedgerInsert = typeof scoreLedger.$inferInsert;

/**
 * SQL naming one saved scoring model: its version and creation time. A saved document never
 * changes (rows are inserted whole; activation and rescoring touch other columns), so a document
 * parsed once serves every later batch under its key, and the hot path reads the key alone. The
 * creation time keeps two databases that reuse a version number (tests, a restored backup) apart.
 */
export const SCORING_MODEL_KEY = `${quoted(scoringModels.version.name)}::text || '@' || extract(epoch from ${quoted(scoringModels.createdAt.name)})::text`;

/**
 * The lead's row, locked until the transaction ends (`SELECT … FOR UPDATE OF leads`), so two
 * batches for the same lead apply one after the other, each to the state the other left.
 */
export async function lockLead(tx: Transaction, leadId: string): Promise<{ lead: LeadRow } | null> {
  const [row] = await tx.select({ lead: leads }).from(leads).where(eq(leads.id, leadId)).for('update', { of: leads });
  return row ?? null;
}

/**
 * Writes the lead's new progress and its history rows in one statement (the batch path's second
 * round trip, issue 12): the history inserts ride as data-modifying CTEs of the lead's UPDATE,
 * their rows as JSON parameters read by `json_populate_recordset`. The caller holds the row lock,
 * so the stored row is the locked one with the update applied; only the generated column comes
 * back rather than the whole row with its state documents. The text depends only on which columns
 * change and which history rows come, so it is built once per shape and runs as a named prepared
 * statement (`runNamed`, ADR 021): this is every signal's path, and drizzle's builder cost more
 * per batch than the statement's execution.
 */
export async function saveLeadProgress(
  tx: Transaction,
  input: { lead: LeadRow; update: LeadUpdate; transitions: StageTransitionInsert[]; ledger: ScoreLedgerInsert[] },
): Promise<LeadRow> {
  const updated = LEAD_COLUMNS.filter(([key]) => input.update[key as keyof LeadUpdate] !== undefined);
  const transitionColumns = presentColumns(TRANSITION_COLUMNS, input.transitions);
  const ledgerColumns = presentColumns(LEDGER_COLUMNS, input.ledger);
  const shape = [updated, transitionColumns, ledgerColumns].map((list) => list.map(([key]) => key).join(',')).join('|');
  let statement = saveStatements.get(shape);
  if (!statement) {
    statement = buildSaveStatement(
      `save_lead_progress_${saveStatements.size}`,
      updated,
      transitionColumns,
      ledgerColumns,
    );
    saveStatements.set(shape, statement);
  }
  const values: unknown[] = [input.lead.id];
  if (transitionColumns.length > 0) values.push(toJsonRows(transitionColumns, input.transitions));
  if (ledgerColumns.length > 0) values.push(toJsonRows(ledgerColumns, input.ledger));
  for (const [key, column] of updated) values.push(toDriverValue(column, input.update[key as keyof LeadUpdate]));
  const [row] = await runNamed<Record<string, unknown>>(tx, statement, values);
  if (!row) throw new Error(`lead ${input.lead.id} vanished while locked`);
  const { rankActivityAt } = readRow<Pick<LeadRow, 'rankActivityAt'>>([RANK_ACTIVITY], row);
  return { ...input.lead, ...input.update, rankActivityAt } as LeadRow;
}

const LEAD_COLUMNS = listColumns(leads);
const TRANSITION_COLUMNS = listColumns(stageTransitions);
const LEDGER_COLUMNS = listColumns(scoreLedger);
const RANK_ACTIVITY: [string, Column] = ['rankActivityAt', leads.rankActivityAt];
/** One statement per shape (which columns change, which history columns come); a handful in practice. */
const saveStatements = new Map<string, NamedStatement>();

/** The columns any of `rows` gives a value (the others take their defaults, as drizzle's insert does). */
function presentColumns(columns: readonly [string, Column][], rows: readonly Record<string, unknown>[]) {
  return rows.length === 0 ? [] : columns.filter(([key]) => rows.some((row) => row[key] !== undefined));
}

/** Rows keyed by column name, as `json_populate_recordset` reads them (dates as ISO text). */
function toJsonRows(columns: readonly [string, Column][], rows: readonly Record<string, unknown>[]): string {
  return JSON.stringify(rows.map((row) => Object.fromEntries(columns.map(([key, column]) => [column.name, row[key]]))));
}

function buildSaveStatement(
  name: string,
  updated: readonly [string, Column][],
  transitionColumns: readonly [string, Column][],
  ledgerColumns: readonly [string, Column][],
): NamedStatement {
  let parameter = 1;
  const history: string[] = [];
  for (const [alias, table, columns] of [
    ['new_transitions', stageTransitions, transitionColumns],
    ['new_ledger', scoreLedger, ledgerColumns],
  ] as const) {
    if (columns.length === 0) continue;
    const list = columns.map(([, column]) => quoted(column.name)).join(', ');
    const tableName = quoted(getTableName(table));
    parameter += 1;
    history.push(
      `${alias} as (insert into ${tableName} (${list}) select ${list} from json_populate_recordset(null::${tableName}, $${parameter}::json))`,
    );
  }
  const assignments = updated.map(([, column]) => `${quoted(column.name)} = $${++parameter}`);
  return {
    name,
    text: [
      history.length > 0 ? `with ${history.join(',\n')}` : '',
      `update ${quoted(getTableName(leads))} set ${assignments.join(', ')}`,
      `where ${quoted(leads.id.name)} = $1::uuid returning ${quoted(leads.rankActivityAt.name)}`,
    ].join('\n'),
  };
}

/** The active scoring model's key (`SCORING_MODEL_KEY`) and document; `null`: none activated. */
export async function findActiveScoringModelDocument(
  tx: Transaction,
): Promise<{ key: string; document: unknown } | null> {
  const [row] = await tx
    .select({ key: sql<string>`${sql.raw(SCORING_MODEL_KEY)}`, document: scoringModels.document })
    .from(scoringModels)
    .where(eq(scoringModels.isActive, true));
  return row ?? null;
}

export type LeadInsert = typeof leads.$inferInsert;

export async function findLeadById(db: Transaction | Database, leadId: string): Promise<LeadRow | null> {
  const [row] = await db.select().from(leads).where(eq(leads.id, leadId));
  return row ?? null;
}

/**
 * The lead with this openid, created with its first stage transition when it does not exist.
 * `ON CONFLICT DO NOTHING` then a read makes two simultaneous first logins end on one lead.
 */
export async function findOrCreateLeadByOpenid(
  tx: Transaction,
  input: { lead: LeadInsert & { openid: string }; firstTransition: Omit<StageTransitionInsert, 'leadId'> },
): Promise<{ lead: LeadRow; isNew: boolean }> {
  const [created] = await tx.insert(leads).values(input.lead).onConflictDoNothing({ target: leads.openid }).returning();
  if (created) {
    await tx.insert(stageTransitions).values({ ...input.firstTransition, leadId: created.id });
    return { lead: created, isNew: true };
  }
  const [existing] = await tx.select().from(leads).where(eq(leads.openid, input.lead.openid));
  if (!existing) throw new Error(`lead with openid ${input.lead.openid} vanished`);
  return { lead: existing, isNew: false };
}

/** Writes profile and contact columns of a locked lead (registration, phone binding, erasure). */
export async function updateLead(tx: Transaction, leadId: string, update: LeadUpdate): Promise<LeadRow> {
  const [row] = await tx.update(leads).set(update).where(eq(leads.id, leadId)).returning();
  if (!row) throw new Error(`lead ${leadId} vanished while locked`);
  return row;
}
