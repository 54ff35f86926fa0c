/**
 * Applies the drizzle-kit migrations in `server/db/migrations/` with drizzle's own migrator for
 * the driver in use. Migrations are recorded in `drizzle.__drizzle_migrations` (or in the target
 * schema), so running this again is a no-op.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type DatabaseHandle, quoteIdentifier } from './client.js';
import { selectRows } from './queries/raw-sql.js';

/** The committed migrations folder, next to this file. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Brings the database up to the latest migration. On PostgreSQL the tables go to the first schema
 * of the connection's `search_path`, as a deployment sets it in its URL (`options=-c
 * search_path=…`) and as the tests and benches isolate themselves; by default that is `public`.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.driver, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const schema = await readSearchPathSchema(handle);
  if (schema === 'public') {
    await migrateNodePostgres(handle.driver, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  await handle.db.execute(sql.raw(`create schema if not exists ${quoteIdentifier(schema)}`));
  const folder = copyMigrationsForSchema(schema);
  try {
    await migrateNodePostgres(handle.driver, { migrationsFolder: folder, migrationsSchema: schema });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function readSearchPathSchema(handle: DatabaseHandle): Promise<string> {
  const [row] = await selectRows<{ path: string }>(handle.db, sql`select current_setting('search_path') as path`);
  return firstSchemaOfSearchPath(row?.path ?? '');
}

/**
 * The schema unqualified tables go to: the first entry of a `search_path` other than `"$user"`
 * (PostgreSQL's default path is `"$user", public`), unquoted.
 */
export function firstSchemaOfSearchPath(path: string): string {
  const entries = path.match(/"(?:[^"]|"")*"|[^,\s]+/g) ?? [];
  const first = entries
    .map((entry) => (entry.startsWith('"') ? entry.slice(1, -1).replaceAll('""', '"') : entry))
    .find((entry) => entry !== '$user');
  return first ?? 'public';
}

/**
 * drizzle-kit writes foreign keys as `REFERENCES "public"."leads"`, which would tie a table in
 * another schema to `public`. For a non-public schema, copy the migrations to a temporary folder
 * with that qualifier rewritten; the journal (and so the hashes' bookkeeping) stays the same.
 */
function copyMigrationsForSchema(schema: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'scrm-migrations-'));
  mkdirSync(join(folder, 'meta'));
  writeFileSync(join(folder, 'meta', '_journal.json'), readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json')));
  for (const file of readdirSync(MIGRATIONS_FOLDER).filter((name) => name.endsWith('.sql'))) {
    const text = readFileSync(join(MIGRATIONS_FOLDER, file), 'utf8');
    writeFileSync(join(folder, file), text.replaceAll('"public".', `${quoteIdentifier(schema)}.`));
  }
  return folder;
}
