import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../env.js';
import type { DatabaseHandle, Transaction } from './client.js';
import { PipelinedBeginClient } from './pipelined-begin.js';
import { openPostgres } from './postgres-driver.js';
import { selectRows } from './queries/raw-sql.js';

/** What the client writes to its socket and reads back, in order. */
function recordTraffic(client: pg.PoolClient): string[] {
  const events: string[] = [];
  const internals = client as unknown as {
    connection: {
      stream: { _write: (...a: unknown[]) => unknown; _writev: (...a: unknown[]) => unknown };
      on(event: string, listener: () => void): void;
    };
  };
  const { stream } = internals.connection;
  const [write, writev] = [stream._write.bind(stream), stream._writev.bind(stream)];
  stream._write = (...args) => {
    events.push('write');
    return write(...args);
  };
  stream._writev = (...args) => {
    events.push('write');
    return writev(...args);
  };
  internals.connection.on('readyForQuery', () => events.push('answer'));
  return events;
}

// node-postgres only: PGlite has no socket and no round trips. CI runs the server suite with
// DATABASE_URL set; without it this block is reported as skipped, with the reason in its name.
const { DATABASE_URL } = loadEnv();
describe.skipIf(!DATABASE_URL)('a transaction on PostgreSQL (skipped: DATABASE_URL is unset; CI sets it)', () => {
  let handle: DatabaseHandle;
  const table = `pipelined_begin_${process.pid}`;

  beforeAll(async () => {
    handle = openPostgres({ databaseUrl: DATABASE_URL ?? '', maxConnections: 1 });
    await handle.db.execute(sql.raw(`create table ${table} (id int primary key)`));
  });
  afterAll(async () => {
    await handle.db.execute(sql.raw(`drop table if exists ${table}`));
    await handle.close();
  });

  it('sends its begin in the same write as its first statement', async () => {
    if (handle.kind !== 'postgres') throw new Error('expected node-postgres');
    const client = await handle.client.connect();
    const traffic = recordTraffic(client);
    client.release();
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`insert into ${table} values (1)`));
      await tx.execute(sql.raw(`insert into ${table} values (2)`));
    });
    // begin + first insert, both answered; second insert; commit.
    expect(traffic).toEqual(['write', 'answer', 'answer', 'write', 'answer', 'write', 'answer']);
    expect(await selectRows(handle.db, sql.raw(`select count(*)::int as n from ${table}`))).toEqual([{ n: 2 }]);
  });

  it('is still one transaction: a failure after the first statement leaves nothing written', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`insert into ${table} values (10)`));
        throw new Error('the caller gives up');
      }),
    ).rejects.toThrow('the caller gives up');
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`insert into ${table} values (11)`));
        await tx.execute(sql.raw(`insert into ${table} values (11)`));
      }),
    ).rejects.toMatchObject({ cause: { code: '23505' } });
    expect(await selectRows(handle.db, sql.raw(`select id from ${table} where id >= 10`))).toEqual([]);
  });

  it('reports a lost connection to the caller, and the process carries on', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`insert into ${table} values (20)`));
        await endBackendOf(tx);
        await tx.execute(sql.raw(`insert into ${table} values (21)`));
      }),
    ).rejects.toThrow();
    // The pool opens another connection; the lost one's transaction was rolled back by the server.
    expect(await selectRows(handle.db, sql.raw(`select id from ${table} where id >= 20`))).toEqual([]);
  });

  it('answers the statement after a failed begin with the begin’s error', async () => {
    const client = new PipelinedBeginClient({ connectionString: DATABASE_URL });
    await client.connect();
    const ended = new Promise((resolve) => client.once('end', resolve));
    const { rows } = (await client.query('select pg_backend_pid() as pid')) as pg.QueryResult<{ pid: number }>;
    await endBackend(rows[0]?.pid);
    await ended;
    await expect(client.query('begin')).resolves.toMatchObject({ command: 'BEGIN' });
    await expect(client.query('select 1')).rejects.toThrow(/not queryable|terminated/);
  });

  async function endBackendOf(tx: Transaction) {
    const [row] = await selectRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
    await endBackend(row?.pid);
  }

  async function endBackend(pid: number | undefined) {
    if (pid === undefined) throw new Error('no backend pid');
    const admin = openPostgres({ databaseUrl: DATABASE_URL ?? '', maxConnections: 1 });
    try {
      await selectRows(admin.db, sql`select pg_terminate_backend(${pid})`);
    } finally {
      await admin.close();
    }
  }
});
