/**
 * Raw statements for the set-wise queries the builder cannot say (campaign planning, ADR 015),
 * and the ingest path's statements whose text is built once (ADR 021). The drivers' result
 * shapes differ except for `rows`, so these read only `rows`.
 */
import { type Column, getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';

type Db = Database | Transaction;

export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Runs a data-changing statement written with `returning 1` and says how many rows it changed. */
export async function countChanged(db: Db, statement: SQL): Promise<number> {
  const [row] = await selectRows<{ n: number | string }>(
    db,
    sql`with changed as (${statement}) select count(*)::int as n from changed`,
  );
  return Number(row?.n ?? 0);
}

/** A statement whose text was built once, with `$n` parameters; `name` is unique per text. */
export interface NamedStatement {
  name: string;
  text: string;
}

/**
 * Runs a prebuilt statement on the handle's own connection (inside its transaction, if it is
 * one). Building SQL with drizzle's builder costs per request what the statement's text costs
 * once: on the ingest path the builders and their per-chunk type checks were a quarter of the
 * server's CPU per tiny batch (issue 12, docs/performance.md "Phase 3"). node-postgres prepares a
 * named statement once per connection (parse and plan once); PGlite ignores the name. Rows come
 * back as the driver gives them, keyed by column name, with times as text (drizzle's parsers):
 * read them with `readRow`.
 */
export async function runNamed<T = Record<string, unknown>>(
  db: Db,
  statement: NamedStatement,
  values: unknown[],
): Promise<T[]> {
  const prepared = db._.session.prepareQuery({ sql: statement.text, params: values }, undefined, statement.name, false);
  const result = (await prepared.execute()) as { rows: T[] };
  return result.rows;
}

/** Double-quoted, for identifiers taken from the schema. */
export const quoted = (name: string) => `"${name}"`;

/** A table's columns as `[property, column]` pairs, in the table's order. */
export function listColumns(table: Table): [string, Column][] {
  return Object.entries(getTableColumns(table));
}

/**
 * A driver row (keyed by column name) as drizzle's typed row (keyed by property), each value
 * decoded by its column as drizzle's own result mapping does.
 */
export function readRow<T>(columns: readonly [string, Column][], raw: Record<string, unknown>): T {
  const row: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T;
}

/** A value as the driver takes it for `column` (JSON as text, times as ISO text), as drizzle binds it. */
export function toDriverValue(column: Column, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}
