/**
 * The database connection (SPEC §3): `DATABASE_URL` set → PostgreSQL through node-postgres;
 * unset → PGlite (Postgres compiled to WASM, in-process) with its data in `DATA_DIR`, or in
 * memory (`DATA_DIR=memory://`, and in tests). Both drivers give the same drizzle API.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;

/**
 * The drizzle database every service receives, whichever driver is behind it. Services use the
 * query builder and `db.transaction()`; result shapes of raw `db.execute()` differ by driver
 * (both have `rows`), so prefer the builder.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle, as passed to the callback of `db.transaction()`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database and how to close it. */
export type DatabaseHandle = {
  db: Database;
  close(): Promise<void>;
} & (
  | { kind: 'pglite'; driver: PgliteDatabase<Schema>; client: PGlite }
  | { kind: 'postgres'; driver: NodePgDatabase<Schema>; client: pg.Pool }
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
}

/** The in-memory PGlite marker accepted in `DATA_DIR`. */
export const MEMORY_DATA_DIR = 'memory://';

/**
 * Opens the database selected by `options`. Opening is synchronous and lazy: nothing connects
 * until the first query, so building the app at a cold start costs nothing.
 */
export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      ...(options.searchPath ? { options: `-c search_path=${quoteIdentifier(options.searchPath)}` } : {}),
    });
    const driver = drizzleNodePostgres({ client: pool, schema });
    return { kind: 'postgres', db: driver, driver, client: pool, close: () => pool.end() };
  }
  const dataDir = options.dataDir && options.dataDir !== MEMORY_DATA_DIR ? options.dataDir : undefined;
  const client = new PGlite(dataDir);
  const driver = drizzlePglite({ client, schema });
  return { kind: 'pglite', db: driver, driver, client, close: () => client.close() };
}

/** Round-trips to the database; used by the health check. */
export async function pingDatabase(db: Database): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}

/** Double-quotes a Postgres identifier (doubling embedded quotes), e.g. a schema name. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
