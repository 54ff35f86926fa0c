/**
 * The test database (ADR 003): one migrated database per test worker, shared by every
 * `createTestApp()` in it and emptied before each.
 *
 * - No `DATABASE_URL`: PGlite in memory (it starts in seconds and needs ~400 MB, so never one per
 *   test).
 * - `DATABASE_URL` set: a fresh schema `test_<pid>_<random>` on that server, used through
 *   `search_path`, dropped when the worker's file finishes.
 *
 * vitest isolates test files (each gets fresh modules), so in practice "per worker" is "per test
 * file"; the instance is cached on `globalThis` so that it is shared per worker if isolation is
 * ever turned off.
 */
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { createDatabase, type DatabaseHandle, MEMORY_DATA_DIR, quoteIdentifier } from '../../server/db/client.js';
import { migrateDatabase } from '../../server/db/migrate.js';
import * as schema from '../../server/db/schema/index.js';
import { loadEnv } from '../../server/env.js';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The Postgres schema holding the tables (`public` for PGlite). */
  schemaName: string;
  dispose(): Promise<void>;
}

const TABLES = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table));

const GLOBAL_KEY = Symbol.for('scrm.test-database');
type Holder = { [GLOBAL_KEY]?: Promise<TestDatabase> };

/** The worker's migrated database, created on first use. */
export function getTestDatabase(): Promise<TestDatabase> {
  const holder = globalThis as Holder;
  holder[GLOBAL_KEY] ??= openTestDatabase();
  return holder[GLOBAL_KEY];
}

/** Closes the worker's database (and drops its schema on Postgres), if one was opened. */
export async function disposeTestDatabase(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[GLOBAL_KEY];
  holder[GLOBAL_KEY] = undefined;
  if (pending) await (await pending).dispose();
}

/** Empties every table (TRUNCATE … CASCADE: one statement, no foreign-key ordering needed). */
export async function truncateAll(database: TestDatabase): Promise<void> {
  const names = TABLES.map((name) => `${quoteIdentifier(database.schemaName)}.${quoteIdentifier(name)}`).join(', ');
  await database.handle.db.execute(sql.raw(`truncate table ${names} restart identity cascade`));
}

async function openTestDatabase(): Promise<TestDatabase> {
  const env = loadEnv();
  if (!env.DATABASE_URL) {
    const handle = createDatabase({ dataDir: MEMORY_DATA_DIR });
    await migrateDatabase(handle);
    return { handle, schemaName: 'public', dispose: () => handle.close() };
  }
  const schemaName = `test_${process.pid}_${crypto.randomUUID().slice(0, 8)}`;
  const handle = createDatabase({ databaseUrl: env.DATABASE_URL, searchPath: schemaName });
  await migrateDatabase(handle);
  return {
    handle,
    schemaName,
    dispose: async () => {
      try {
        await handle.db.execute(sql.raw(`drop schema if exists ${quoteIdentifier(schemaName)} cascade`));
      } finally {
        await handle.close();
      }
    },
  };
}
