/**
 * The system the ingest bench measures, and the plain-SQL baseline beside it on the same database.
 *
 * - PostgreSQL (`databaseUrl`): a schema of its own (created, migrated, dropped at the end); the
 *   function, built as Vercel builds it, runs as production runs it, in a child process
 *   (scripts/lib/bench-server.ts) with a pool of 10, configured only by its environment
 *   (`NODE_ENV=production`; the schema is chosen by the URL's `options=-c search_path=…`, which
 *   any deployment may set); the baseline is plain node-postgres in this process with a pool of
 *   the same size.
 * - PGlite (default): PGlite lives in one process, so the app is served from this process and the
 *   baseline uses the same PGlite client.
 *
 * Either way the WeChat stand-in answers logins; with `redisUrl` the rate limits count in Redis.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { handle } from '@hono/node-server/vercel';
import pg from 'pg';
import { migrateDatabase } from '../../server/db/migrate.js';
import { parseEnv } from '../../server/env.js';
import { createRuntime } from '../../server/runtime.js';
import { startWechatStandIn } from '../../server/wechat/stand-in/start-stand-in.js';
import { createBenchDatabase } from './bench-database.js';
import type { BenchServerReply, BenchServerRequest } from './bench-server.js';
import { productionBenchEnv } from './production-env.js';
import { buildVercelFunctionInChild } from './vercel-function.js';

/** Plain SQL on the bench's database, through a pool as large as the app's. */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs the statements in one transaction on one connection (BEGIN … COMMIT). */
  transaction(statements: readonly { text: string; values: unknown[] }[]): Promise<void>;
}

export interface IngestTarget {
  kind: 'postgres' | 'pglite';
  baseUrl: string;
  sql: SqlRunner;
  /** CPU time of the app's process so far; `null` when it shares this process. */
  readAppCpuMs(): Promise<number | null>;
  /** CPU time of the PostgreSQL backends serving the app or the baseline; `null` when not measurable here. */
  readDatabaseCpuMs(who: 'app' | 'baseline'): Promise<number | null>;
  /** Records a CPU profile of the app's process between the two calls (PostgreSQL only). */
  profile: { start(): Promise<void>; stop(path: string): Promise<void> } | null;
  close(): Promise<void>;
}

/** Same size as the app's pool (`createDatabase`'s default), so both sides get the same connections. */
const POOL_SIZE = 10;
const APP_NAME = { app: 'scrm-bench-app', baseline: 'scrm-bench-baseline' } as const;
const BENCH_SERVER = fileURLToPath(new URL('./bench-server.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function startIngestTarget(options: {
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
}): Promise<IngestTarget> {
  const standIn = await startWechatStandIn({ port: 0 });
  try {
    const target = options.databaseUrl
      ? await startOnPostgres(options.databaseUrl, options.redisUrl, standIn.url)
      : await startOnPglite(options.redisUrl, standIn.url);
    return { ...target, close: () => target.close().finally(() => standIn.close()) };
  } catch (error) {
    await standIn.close();
    throw error;
  }
}

async function startOnPostgres(databaseUrl: string, redisUrl: string | undefined, wechatBase: string) {
  const functionDir = await mkdtemp(path.join(tmpdir(), 'scrm-ingest-bench-'));
  const removeBuild = () => rm(functionDir, { recursive: true, force: true });
  const database = await buildVercelFunctionInChild(functionDir)
    .then(() => createBenchDatabase(databaseUrl))
    .catch(async (error: unknown) => {
      await removeBuild();
      throw error;
    });
  const urlFor = (who: 'app' | 'baseline') => database.urlFor(APP_NAME[who]);
  const pool = new pg.Pool({ connectionString: urlFor('baseline'), max: POOL_SIZE });
  const child = spawn(process.execPath, ['--import', 'tsx', BENCH_SERVER], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      ...productionBenchEnv(),
      TRUSTED_PROXY: 'vercel',
      DATABASE_URL: urlFor('app'),
      BENCH_FUNCTION_DIR: functionDir,
      WECHAT_API_BASE: wechatBase,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const dropSchema = async () => {
    await pool.end();
    await database.drop();
    await removeBuild();
  };
  let port: number;
  try {
    port = await waitForPort(child);
  } catch (error) {
    child.kill();
    await dropSchema();
    throw error;
  }
  const ask = (request: BenchServerRequest) => askChild(child, request);
  return {
    kind: 'postgres' as const,
    baseUrl: `http://127.0.0.1:${port}`,
    sql: poolRunner(pool),
    readAppCpuMs: async () => {
      const reply = await ask({ kind: 'cpu' });
      return reply.kind === 'cpu' ? reply.userMs + reply.systemMs : null;
    },
    readDatabaseCpuMs: (who: 'app' | 'baseline') => readBackendCpuMs(pool, APP_NAME[who]),
    profile: {
      start: async () => {
        await ask({ kind: 'profile-start' });
      },
      stop: async (path: string) => {
        await ask({ kind: 'profile-stop', path });
      },
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await dropSchema();
    },
  };
}

async function startOnPglite(redisUrl: string | undefined, wechatBase: string) {
  const env = parseEnv({
    ...productionBenchEnv(),
    TRUSTED_PROXY: 'vercel',
    DATA_DIR: 'memory://',
    WECHAT_API_BASE: wechatBase,
    REDIS_URL: redisUrl,
  });
  const runtime = await createRuntime(env);
  await migrateDatabase(runtime.database);
  if (runtime.database.kind !== 'pglite') throw new Error('expected PGlite without a database URL');
  const server = createServer(handle(runtime.app));
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  return {
    kind: 'pglite' as const,
    baseUrl: `http://127.0.0.1:${port}`,
    sql: pgliteRunner(runtime.database.client),
    readAppCpuMs: async () => null,
    readDatabaseCpuMs: async () => null,
    profile: null,
    close: async () => {
      await new Promise((resolve) => (server as Server).close(resolve));
      await runtime.close();
    },
  };
}

function poolRunner(pool: pg.Pool): SqlRunner {
  return {
    query: async (text, values) => (await pool.query(text, values)).rows,
    transaction: async (statements) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        for (const s of statements) await client.query(s.text, s.values);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

function pgliteRunner(client: PGlite): SqlRunner {
  return {
    query: async (text, values) => (await client.query<Record<string, unknown>>(text, values)).rows,
    transaction: async (statements) => {
      await client.transaction(async (tx) => {
        for (const s of statements) await tx.query(s.text, s.values);
      });
    },
  };
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) resolve(Number(port));
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before listening`)));
  });
}

function askChild(child: ChildProcess, request: BenchServerRequest): Promise<BenchServerReply> {
  return new Promise((resolve) => {
    child.once('message', (reply: BenchServerReply) => resolve(reply));
    child.send(request);
  });
}

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every mainstream build). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) of the PostgreSQL backends connected as `applicationName`, read from
 * /proc/<pid>/stat (fields 14 and 15); `null` when the server is not on this machine.
 */
async function readBackendCpuMs(pool: pg.Pool, applicationName: string): Promise<number | null> {
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where application_name = $1 and datname = current_database()',
    [applicationName],
  );
  let ticks = 0;
  for (const { pid } of rows) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return null;
    }
    // The command name (field 2) is in parentheses and may contain spaces: split after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
