/**
 * `countRows(t)`: the number of rows in every table of the schema, to prove a refused request
 * wrote nothing anywhere (not only in the table the test thinks of).
 */
import { count, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../server/db/schema/index.js';
import type { TestApp } from './test-app.js';

const TABLES = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

export async function countRows(t: Pick<TestApp, 'db'>): Promise<Record<string, number>> {
  const counts = await Promise.all(
    TABLES.map(async (table) => [getTableName(table), (await t.db.select({ n: count() }).from(table))[0]?.n ?? 0]),
  );
  return Object.fromEntries(counts);
}
