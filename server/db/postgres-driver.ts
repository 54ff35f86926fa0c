/**
 * PostgreSQL through node-postgres (SPEC §3, `DATABASE_URL` set). A module of its own so that a
 * function on PostgreSQL never loads PGlite, and one on PGlite never loads node-postgres
 * (`open-database.ts` imports only the driver the environment selects).
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { DatabaseHandle, DatabaseOptions } from './client.js';
import { PipelinedBeginClient } from './pipelined-begin.js';

/** Double-quotes a Postgres identifier (doubling embedded quotes), e.g. a schema name. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A pool on `databaseUrl`; nothing connects until the first query. */
export function openPostgres(options: DatabaseOptions & { databaseUrl: string }): DatabaseHandle {
  const pool = new pg.Pool({
    // A transaction's `begin` travels with its first statement (issue 12).
    Client: PipelinedBeginClient,
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${quoteIdentifier(options.searchPath)}` } : {}),
  });
  // pg-pool re-emits an idle connection's error on the pool; unheard, it would end the process.
  pool.on('error', (error) => options.onIdleConnectionError?.(error));
  const driver = drizzle({ client: pool });
  return { kind: 'postgres', db: driver, driver, client: pool, close: () => pool.end() };
}
