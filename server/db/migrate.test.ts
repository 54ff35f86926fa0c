import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../env.js';
import { firstSchemaOfSearchPath, migrateDatabase } from './migrate.js';
import { openPostgres } from './postgres-driver.js';
import { selectRows } from './queries/raw-sql.js';

describe('the schema migrations go to when none is named', () => {
  it('is the first entry of the search path, unquoted, passing over "$user"', () => {
    expect(firstSchemaOfSearchPath('"$user", public')).toBe('public');
    expect(firstSchemaOfSearchPath('scrm')).toBe('scrm');
    expect(firstSchemaOfSearchPath('"$user",scrm, public')).toBe('scrm');
    expect(firstSchemaOfSearchPath('"Tenant ""A"", 2", public')).toBe('Tenant "A", 2');
    expect(firstSchemaOfSearchPath('')).toBe('public');
  });
});

// node-postgres only: PGlite has one schema. CI runs the server suite with DATABASE_URL set;
// without it this block is reported as skipped, with the reason in its name.
const { DATABASE_URL } = loadEnv();
describe.skipIf(!DATABASE_URL)('migrating through a URL that names a schema (skipped: DATABASE_URL is unset)', () => {
  it('creates the schema and every table in it, and a second run changes nothing', async () => {
    const schema = `migrate_${process.pid}_${Date.now().toString(36)}`;
    // What a deployment writes: DATABASE_URL=postgres://…?options=-c search_path=<schema>
    const handle = openPostgres({ databaseUrl: DATABASE_URL ?? '', searchPath: schema, maxConnections: 1 });
    try {
      await migrateDatabase(handle);
      await migrateDatabase(handle);
      const tables = await selectRows<{ name: string }>(
        handle.db,
        sql`select table_name as name from information_schema.tables
            where table_schema = ${schema} and table_name in ('leads', 'touchpoints', 'lead_merges') order by 1`,
      );
      expect(tables.map((t) => t.name)).toEqual(['lead_merges', 'leads', 'touchpoints']);
      // The foreign keys point inside the schema, not at public's tables.
      const targets = await selectRows<{ schema: string }>(
        handle.db,
        sql`select distinct n.nspname as schema from pg_constraint c
            join pg_class t on t.oid = c.confrelid join pg_namespace n on n.oid = t.relnamespace
            where c.contype = 'f' and c.connamespace = ${schema}::regnamespace`,
      );
      expect(targets).toEqual([{ schema }]);
    } finally {
      await handle.db.execute(sql.raw(`drop schema if exists "${schema}" cascade`));
      await handle.close();
    }
  });
});
