/**
 * Set-wise updates by id, each row with its own values (issue 13 §5): the rows are grouped by the
 * columns they set, and each group is one `UPDATE … FROM json_to_recordset(…)` reading one JSON
 * text parameter, so a batch of a hundred rows is a statement or two instead of a hundred round
 * trips (the same JSON-parameter approach as the touchpoint insert, `touchpoints.ts`).
 */
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from '../client.js';

type Db = Database | Transaction;

export interface RowUpdate<T extends PgTable> {
  id: string;
  /** The columns to set, by property name; `undefined` leaves a column as it is (as drizzle's `set`). */
  set: Partial<T['$inferInsert']>;
}

const toJsonValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** Updates every row of `updates` (the table's primary key is its uuid `id`); ids must be distinct. */
export async function updateRowsById<T extends PgTable>(db: Db, table: T, updates: readonly RowUpdate<T>[]) {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const idColumn = columns.id;
  if (!idColumn) throw new Error('updateRowsById needs a table whose key is `id`');
  const groups = new Map<string, { keys: string[]; rows: Record<string, unknown>[] }>();
  for (const update of updates) {
    const set = update.set as Record<string, unknown>;
    const keys = Object.keys(set)
      .filter((key) => set[key] !== undefined)
      .sort();
    if (keys.length === 0) continue;
    const shape = keys.join(',');
    const group = groups.get(shape) ?? { keys, rows: [] };
    const row: Record<string, unknown> = { id: update.id };
    for (const key of keys) {
      const column = columns[key];
      if (!column) throw new Error(`no column ${key}`);
      row[column.name] = toJsonValue(set[key]);
    }
    group.rows.push(row);
    groups.set(shape, group);
  }
  for (const { keys, rows } of groups.values()) {
    const targets = keys.map((key) => columns[key] as PgColumn);
    const definitions: SQL[] = [
      sql`"id" uuid`,
      ...targets.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`),
    ];
    const assignments = targets.map((c) => sql`${sql.identifier(c.name)} = v.${sql.identifier(c.name)}`);
    await db.execute(sql`update ${table} set ${sql.join(assignments, sql`, `)}
      from json_to_recordset(${JSON.stringify(rows)}::json) as v(${sql.join(definitions, sql`, `)})
      where ${idColumn} = v."id"`);
  }
}
