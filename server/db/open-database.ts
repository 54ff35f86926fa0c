/**
 * Opens the database the environment selects, loading only that driver (`import()` on demand):
 * the deployed function uses this, so that a cold start on PostgreSQL never loads PGlite's WASM
 * build and one on PGlite never loads node-postgres (issue 12, ADR 014). Tests and scripts use
 * the synchronous `createDatabase` in `client.ts`, which loads both.
 */
import type { DatabaseHandle, DatabaseOptions } from './client.js';

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const { databaseUrl } = options;
  if (databaseUrl) return (await import('./postgres-driver.js')).openPostgres({ ...options, databaseUrl });
  return (await import('./pglite-driver.js')).openPglite(options);
}
