/**
 * Raw statements for the set-wise queries the builder cannot say (campaign planning, ADR 015).
 * The drivers' result shapes differ except for `rows`, so these read only `rows`.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';

type Db = Database | Transaction;

export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Runs a data-changing statement written with `returning 1` and says how many rows it changed. */
export async function countChanged(db: Db, statement: SQL): Promise<number> {
  const [row] = await selectRows<{ n: number | string }>(
    db,
    sql`with changed as (${statement}) select count(*)::int as n from changed`,
  );
  return Number(row?.n ?? 0);
}
