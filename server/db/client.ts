/**
 * The database connection (SPEC §3): `DATABASE_URL` set → PostgreSQL through node-postgres;
 * unset → PGlite (Postgres compiled to WASM, in-process) with its data in `DATA_DIR`, or in
 * memory (`DATA_DIR=memory://`, and in tests). Both drivers give the same drizzle API. Each
 * driver lives in a module of its own; the deployed function opens the selected one with
 * `openDatabase` (open-database.ts), so code on its request path imports only types from here.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { openPglite } from './pglite-driver.js';
import { openPostgres } from './postgres-driver.js';

export { MEMORY_DATA_DIR } from './pglite-driver.js';
export { quoteIdentifier } from './postgres-driver.js';
export { pingDatabase } from './queries/health.js';

/**
 * The drizzle database every service receives, whichever driver is behind it. Services use the
 * query builder and `db.transaction()`; result shapes of raw `db.execute()` differ by driver
 * (both have `rows`), so prefer the builder. It is opened without drizzle's relational query API
 * (`db.query.*`, which nothing uses): with a schema, every transaction handle builds a query
 * object per table, a cost paid on each touchpoint batch (issue 12).
 */
export type Database = PgDatabase<PgQueryResultHKT>;
/** A transaction handle, as passed to the callback of `db.transaction()`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database and how to close it. */
export type DatabaseHandle = {
  db: Database;
  close(): Promise<void>;
} & (
  | { kind: 'pglite'; driver: PgliteDatabase; client: PGlite }
  | { kind: 'postgres'; driver: NodePgDatabase; client: pg.Pool }
);

export interface DatabaseOptions {
  /** From `env.DATABASE_URL`; unset selects PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite's folder (`env.DATA_DIR`); `memory://` or unset keeps it in memory. */
  dataDir?: string | undefined;
  /** Postgres only: the schema every connection uses (`search_path`), for per-worker test isolation. */
  searchPath?: string | undefined;
  /** Postgres only: pool size. Serverless functions want few connections each (use a pooled URL). */
  maxConnections?: number;
  /**
   * Postgres only: an idle pooled connection failed (the server restarted, or ended it). The pool
   * has already dropped it and opens another on demand; this only reports it.
   */
  onIdleConnectionError?: (error: Error) => void;
}

/**
 * Opens the database selected by `options`. Opening is synchronous and lazy: nothing connects
 * until the first query. Loads both drivers; the deployed function uses `openDatabase` instead.
 */
export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  const { databaseUrl } = options;
  return databaseUrl ? openPostgres({ ...options, databaseUrl }) : openPglite(options);
}
