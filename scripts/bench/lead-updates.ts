/**
 * The per-batch writes around the touchpoint insert, for phase 2 of issue 12 (docs/performance.md):
 *
 * - the lead UPDATE: `score_total` and `last_activity_at` (through `rank_activity_at`) are in
 *   `leads`' indexes and change on every batch, so no update is HOT (heap-only: no index entries
 *   written, the old version pruned in place). Measured against the same UPDATE on `leads`
 *   without the indexes that read them (fillfactor 80), and on a narrow table of just the per-batch columns (fillfactor 70,
 *   primary key only). Beside it, what the advisor's list pays without the score index: its
 *   top 50 by score from 400 leads, read through the owner index and sorted.
 * - the two rate limits: two Redis round trips per request today (per address, then per lead)
 *   against one MULTI counting both, through the same @upstash/redis client (with `--redis-url`).
 *
 * Needs `--database-url`; on PGlite it prints nothing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis as IORedis } from 'ioredis';
import pg from 'pg';
import { createIoredisRequester } from '../../server/redis/ioredis-requester.js';
import { consumeRateLimit } from '../../server/redis/rate-limit.js';
import { createRequesterClient, createUpstashStore } from '../../server/redis/upstash.js';
import { createBenchDatabase, listCopyableLeadColumns } from '../lib/bench-database.js';
import {
  alternate,
  type BenchFigure,
  type BenchOptions,
  formatRange,
  quantile,
  runConcurrently,
} from '../lib/bench-kit.js';
import { buildSampleLeadColumns } from '../lib/sample-lead.js';

export const name = 'lead-updates';

const POOL_SIZE = 10;
const WORKERS = 10;

/** The columns ingest rewrites on every batch (toLeadProgressColumns plus last_activity_at). */
const SET_COLUMNS = `score_state = $2, journey_state = $3, lifecycle_arrivals = $4, score_total = $5, score_fit = $6,
  score_engagement = $7, scored_at = $8, updated_at = $8, last_activity_at = $8`;

const VARIANTS = {
  leads: 'leads as the product has it (its indexes include columns every batch changes)',
  leads_lean: 'leads without the score and activity indexes, fillfactor 80',
  lead_activity: 'a narrow table of the per-batch columns, fillfactor 70, primary key only',
} as const;
type Variant = keyof typeof VARIANTS;

/** Rows already the size a scored lead has, vacuumed, so that the runs see the steady state. */
async function prepareVariants(pool: pg.Pool, count: number, json: readonly string[]): Promise<string[]> {
  const ids = (
    await pool.query<{ id: string }>(
      `insert into leads (openid, score_state, journey_state, lifecycle_arrivals, last_activity_at)
       select 'upd-' || g, $2, $3, $4, now() from generate_series(1, $1) g returning id`,
      [count, ...json],
    )
  ).rows.map((r) => r.id);
  const columns = (await listCopyableLeadColumns(async (text) => (await pool.query(text)).rows)).join(', ');
  await pool.query('create table leads_lean (like leads including all) with (fillfactor = 80)');
  // Every index that reads a column each batch rewrites (directly or through a generated column).
  const hotBlockers = await pool.query<{ indexname: string }>(
    `select indexname from pg_indexes where schemaname = current_schema() and tablename = 'leads_lean'
       and indexdef ~ '(score_total|last_activity_at|rank_activity_at)'`,
  );
  for (const { indexname } of hotBlockers.rows) await pool.query(`drop index "${indexname}"`);
  await pool.query(`insert into leads_lean (id, openid, ${columns}) select id, openid, ${columns} from leads;
    create table lead_activity (
      lead_id uuid primary key, score_state jsonb not null, journey_state jsonb not null,
      lifecycle_arrivals jsonb not null, score_total real not null, score_fit real not null,
      score_engagement real not null, scored_at timestamptz, updated_at timestamptz not null,
      last_activity_at timestamptz) with (fillfactor = 70);
    insert into lead_activity select id, score_state, journey_state, lifecycle_arrivals, score_total, score_fit,
      score_engagement, scored_at, updated_at, last_activity_at from leads;`);
  for (const table of Object.keys(VARIANTS)) await pool.query(`vacuum analyze ${table}`);
  return ids;
}

/**
 * Makes every pooled backend report its table statistics now: PostgreSQL 15 batches them for up
 * to a second while busy and ten while idle (pg_stat_force_next_flush, on each connection).
 */
async function flushStatistics(pool: pg.Pool): Promise<void> {
  const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()));
  try {
    await Promise.all(clients.map((c) => c.query('select pg_stat_force_next_flush()')));
  } finally {
    for (const c of clients) c.release();
  }
  await sleep(200);
}

async function readHotShare(pool: pg.Pool, table: Variant): Promise<{ updates: number; hot: number }> {
  const { rows } = await pool.query<{ upd: string; hot: string }>(
    'select n_tup_upd as upd, n_tup_hot_upd as hot from pg_stat_user_tables where schemaname = current_schema() and relname = $1',
    [table],
  );
  return { updates: Number(rows[0]?.upd ?? 0), hot: Number(rows[0]?.hot ?? 0) };
}

async function measureUpdates(
  pool: pg.Pool,
  ids: readonly string[],
  json: readonly string[],
  options: BenchOptions,
): Promise<BenchFigure[]> {
  const updates = options.isSmoke ? 50 : 4_000;
  const update = (table: Variant) => async () => {
    const key = table === 'lead_activity' ? 'lead_id' : 'id';
    const { elapsedMs } = await runConcurrently(WORKERS, updates, async (i) => {
      const at = new Date().toISOString();
      await pool.query(`update ${table} set ${SET_COLUMNS} where ${key} = $1`, [
        ids[i % ids.length],
        ...json,
        Math.random() * 100,
        10,
        Math.random() * 90,
        at,
      ]);
    });
    return (updates * 1000) / elapsedMs;
  };
  await flushStatistics(pool);
  const before = await Promise.all((Object.keys(VARIANTS) as Variant[]).map((t) => readHotShare(pool, t)));
  const values = await alternate(options.repetitions, {
    leads: update('leads'),
    leads_lean: update('leads_lean'),
    lead_activity: update('lead_activity'),
  });
  await flushStatistics(pool);
  const after = await Promise.all((Object.keys(VARIANTS) as Variant[]).map((t) => readHotShare(pool, t)));
  const hotNote = (Object.keys(VARIANTS) as Variant[])
    .map((t, i) => {
      const u = (after[i]?.updates ?? 0) - (before[i]?.updates ?? 0);
      const h = (after[i]?.hot ?? 0) - (before[i]?.hot ?? 0);
      return `${t} ${u === 0 ? 'n/a' : `${Math.round((100 * h) / u)}%`}`;
    })
    .join(', ');
  const baseline = { label: VARIANTS.leads, values: values.leads };
  const figure = (variant: Variant): BenchFigure => ({
    name: `lead UPDATE of the per-batch columns, ${WORKERS} workers, pool of ${POOL_SIZE}`,
    unit: ' updates/s',
    candidate: { label: VARIANTS[variant], values: values[variant] },
    baseline,
    notes: variant === 'lead_activity' ? [`HOT updates: ${hotNote}`] : [],
  });
  return [figure('leads_lean'), figure('lead_activity')];
}

/** An advisor's top 50 by score among 400 leads: with the (owner, score) index, and with the owner's alone. */
async function measureAdvisorList(pool: pg.Pool, options: BenchOptions): Promise<BenchFigure> {
  const owners = 50;
  await pool.query(`create table list_scored (owner uuid not null, score_total real not null, id uuid primary key default gen_random_uuid(),
      payload text not null);
    create table list_owner (like list_scored including all);
    insert into list_scored (owner, score_total, payload)
      select ('00000000-0000-4000-8000-' || lpad((g % ${owners})::text, 12, '0'))::uuid, random() * 100, repeat('x', 600)
      from generate_series(1, ${owners * 400}) g;
    insert into list_owner select * from list_scored;
    create index on list_scored (owner, score_total desc);
    create index on list_owner (owner);
    analyze list_scored; analyze list_owner;`);
  const queries = options.isSmoke ? 20 : 2_000;
  const read = (table: string) => async () => {
    const started = performance.now();
    for (let i = 0; i < queries; i += 1) {
      const owner = `00000000-0000-4000-8000-${String(i % owners).padStart(12, '0')}`;
      await pool.query(`select id, score_total from ${table} where owner = $1 order by score_total desc limit 50`, [
        owner,
      ]);
    }
    return (queries * 1000) / (performance.now() - started);
  };
  const values = await alternate(options.repetitions, { owner: read('list_owner'), scored: read('list_scored') });
  return {
    name: "an advisor's list: top 50 by score of 400 leads, one query at a time",
    unit: ' queries/s',
    candidate: { label: 'owner index only, sorted per query', values: values.owner },
    baseline: { label: '(owner, score_total desc) index', values: values.scored },
  };
}

async function measureRateLimits(redisUrl: string, options: BenchOptions): Promise<BenchFigure> {
  const ioredis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const client = createRequesterClient(createIoredisRequester(ioredis));
  const prefix = `bench:${process.pid}:${Date.now()}:`;
  const store = createUpstashStore(client, { kind: 'redis', prefix });
  const requests = options.isSmoke ? 100 : 20_000;
  const callers = 100;
  const latencies: Record<string, number[]> = { two: [], one: [] };
  const measure = (key: 'two' | 'one', consume: (i: number, now: Date) => Promise<void>) => async () => {
    const { elapsedMs, durationsMs } = await runConcurrently(callers, requests, (i) => consume(i, new Date()));
    latencies[key]?.push(quantile(durationsMs, 0.5));
    return (requests * 1000) / elapsedMs;
  };
  try {
    const values = await alternate(options.repetitions, {
      two: measure('two', async (i, now) => {
        await consumeRateLimit(store, { key: `ingest:ip:10.0.${i % 250}`, limit: 600, windowMs: 60_000 }, now);
        await consumeRateLimit(store, { key: `ingest:lead:${i % 2_000}`, limit: 60, windowMs: 60_000 }, now);
      }),
      one: measure('one', async (i, now) => {
        const window = Math.floor(now.getTime() / 60_000);
        const keys = [
          `${prefix}ratelimit:ingest:ip:10.0.${i % 250}:${window}`,
          `${prefix}ratelimit:ingest:lead:${i % 2_000}:${window}`,
        ];
        const tx = client.multi();
        for (const key of keys) {
          tx.set(key, '0', { nx: true, px: 60_000 });
          tx.incrby(key, 1);
        }
        await tx.exec();
      }),
    });
    return {
      name: `both ingest rate limits, ${callers} concurrent requests`,
      unit: ' requests/s',
      candidate: { label: 'one MULTI counting both (1 round trip)', values: values.one },
      baseline: { label: "today's consumeRateLimit twice (2 round trips)", values: values.two },
      notes: [
        `p50 per request: ${formatRange(latencies.two ?? [], ' ms')} today, ${formatRange(latencies.one ?? [], ' ms')} in one`,
      ],
    };
  } finally {
    ioredis.disconnect();
  }
}

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  if (!options.databaseUrl) {
    options.log('lead-updates measures PostgreSQL: pass --database-url; skipped on PGlite');
    return [];
  }
  const database = await createBenchDatabase(options.databaseUrl);
  const pool = new pg.Pool({ connectionString: database.urlFor('scrm-bench-updates'), max: POOL_SIZE });
  try {
    const sample = buildSampleLeadColumns();
    const json = [sample.scoreState, sample.journeyState, sample.lifecycleArrivals].map((v) => JSON.stringify(v));
    const ids = await prepareVariants(pool, options.isSmoke ? 50 : 2_000, json);
    const figures = [...(await measureUpdates(pool, ids, json, options)), await measureAdvisorList(pool, options)];
    if (options.redisUrl) figures.push(await measureRateLimits(options.redisUrl, options));
    return figures;
  } finally {
    await pool.end();
    await database.drop();
  }
}
