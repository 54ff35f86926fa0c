/**
 * A schema of the bench's own on a PostgreSQL server: created and migrated like a deploy's, used
 * through the URL's `options=-c search_path=…` (a setting any deployment may put in its URL),
 * and dropped at the end, so that benches never touch other data (SERVICES.md).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, quoteIdentifier } from '../../server/db/client.js';
import { migrateDatabase } from '../../server/db/migrate.js';

export interface BenchDatabase {
  schema: string;
  /** The server's URL with the bench schema as search path, under `applicationName` (pg_stat_activity). */
  urlFor(applicationName: string): string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(databaseUrl: string): Promise<BenchDatabase> {
  const schema = `bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const migrator = createDatabase({ databaseUrl, searchPath: schema, maxConnections: 1 });
  try {
    await migrateDatabase(migrator);
  } finally {
    await migrator.close();
  }
  return {
    schema,
    urlFor: (applicationName) => {
      const url = new URL(databaseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      url.searchParams.set('application_name', applicationName);
      return url.toString();
    },
    drop: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * The `leads` columns a bench may copy row to row: all but the key, the openid (unique) and the
 * generated ones (PostgreSQL computes those and refuses a value for them).
 */
export async function listCopyableLeadColumns(
  query: (text: string) => Promise<Record<string, unknown>[]>,
): Promise<string[]> {
  const rows = await query(
    `select column_name from information_schema.columns
     where table_schema = current_schema() and table_name = 'leads' and column_name not in ('id', 'openid')
       and is_generated = 'NEVER' order by ordinal_position`,
  );
  return rows.map((r) => `"${String(r.column_name)}"`);
}
