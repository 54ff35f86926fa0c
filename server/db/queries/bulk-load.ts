/**
 * Loading millions of rows at once (the analytics bench's synthetic history, ADR 016): each
 * secondary index and foreign key of the tables written is dropped for the load and rebuilt after
 * it. Maintained row by row, a random uuid key or `(lead_id, …)` index takes a random page
 * write per row and a foreign key a lookup per row; built afterwards, an index is one sort and a
 * foreign key one anti-join. Rebuilt from the catalog's own definitions, so the schema ends as
 * the migrations left it. Run inside the load's transaction: nobody sees the tables without them.
 */
import { sql } from 'drizzle-orm';
import type { Transaction } from '../client.js';
import { quoteIdentifier } from '../client.js';
import { selectRows } from './analytics-fold.js';

interface Deferred {
  table: string;
  /** `drop …` to run before the load. */
  drop: string;
  /** The statement that rebuilds it after the load. */
  create: string;
  isForeignKey: boolean;
}

async function listDeferrable(tx: Transaction, tables: readonly string[]): Promise<Deferred[]> {
  const names = sql.join(
    tables.map((t) => sql`${t}`),
    sql`, `,
  );
  const rows = await selectRows<{ tbl: string; name: string; def: string; kind: string }>(
    tx,
    // Constraints: every foreign key the tables hold; primary and unique keys only when no foreign
    // key (of any table) points at their table, since those must stay for the references.
    sql`select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def,
          c.contype::text as kind
        from pg_constraint c
        where c.conrelid = any(array[${names}]::regclass[])
          and (c.contype = 'f' or (c.contype in ('p', 'u')
            and not exists (select 1 from pg_constraint r where r.contype = 'f' and r.confrelid = c.conrelid)))
        union all
        select i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), 'i'
        from pg_index i
        where i.indrelid = any(array[${names}]::regclass[])
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
  );
  return rows.map((r) =>
    r.kind === 'i'
      ? { table: r.tbl, drop: `drop index ${r.name}`, create: r.def, isForeignKey: false }
      : {
          table: r.tbl,
          drop: `alter table ${r.tbl} drop constraint ${quoteIdentifier(r.name)}`,
          create: `alter table ${r.tbl} add constraint ${quoteIdentifier(r.name)} ${r.def}`,
          isForeignKey: r.kind === 'f',
        },
  );
}

/** Runs `load` with the secondary indexes and foreign keys of `tables` dropped, then rebuilds them. */
export async function withIndexesDeferred<T>(
  tx: Transaction,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const deferred = await listDeferrable(tx, tables);
  // Foreign keys first: a key they reference cannot go before them.
  const dropOrder = [...deferred.filter((d) => d.isForeignKey), ...deferred.filter((d) => !d.isForeignKey)];
  for (const d of dropOrder) await tx.execute(sql.raw(d.drop));
  const result = await load();
  for (const d of [...dropOrder].reverse()) await tx.execute(sql.raw(d.create));
  return result;
}
