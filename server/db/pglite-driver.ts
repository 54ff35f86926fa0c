/**
 * PGlite (Postgres compiled to WASM, in-process; SPEC §3, `DATABASE_URL` unset) with its data in
 * `DATA_DIR`, or in memory. A module of its own: see `postgres-driver.ts`.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { DatabaseHandle, DatabaseOptions } from './client.js';

/** The in-memory PGlite marker accepted in `DATA_DIR`. */
export const MEMORY_DATA_DIR = 'memory://';

/** PGlite in `dataDir` (`memory://` or unset: in memory); it starts loading at once, queries wait for it. */
export function openPglite(options: DatabaseOptions): DatabaseHandle {
  const dataDir = options.dataDir && options.dataDir !== MEMORY_DATA_DIR ? options.dataDir : undefined;
  const client = new PGlite(dataDir);
  const driver = drizzle({ client });
  return { kind: 'pglite', db: driver, driver, client, close: () => client.close() };
}
