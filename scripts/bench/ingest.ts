/**
 * Ingest bench (issue 12): touchpoints per second through the real HTTP app over real sockets,
 * from N concurrent keep-alive clients, with everything production does per batch in force
 * (auth, both rate limits, validation, exactly-once insert, lead lock, scoring, stages, ledger),
 * against plain SQL doing the least a batch needs on the same tables, indexes and pool size:
 * a multi-row INSERT of the same touchpoint rows plus one UPDATE of the lead row (the same
 * columns the app changes, two of them indexed) in one transaction, and that INSERT alone.
 *
 * - A: 100-event batches from 10 clients (a backlog being flushed).
 * - B: 1–5-event batches from 100 clients across 2,000 prospects (what phones send).
 *
 * Prospects are created by the login route, as a first `wx.login` creates them; each has its own
 * address (Vercel reports each phone's), and batches go round-robin over them, so no limit is
 * raised or bypassed: the per-lead limit (60/min) and per-address limit (600/min) just hold.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { LoginResponse } from '@scrm/shared';
import { listCopyableLeadColumns } from '../lib/bench-database.js';
import {
  alternate,
  type BenchFigure,
  type BenchOptions,
  formatRange,
  quantile,
  runConcurrently,
} from '../lib/bench-kit.js';
import { formatProfileSummary, readCpuProfile } from '../lib/cpu-profile.js';
import { type IngestTarget, startIngestTarget } from '../lib/ingest-target.js';
import { type LoadRequest, runClosedLoop } from '../lib/load-generator.js';

export const name = 'ingest';

interface Workload {
  key: 'A' | 'B';
  label: string;
  clients: number;
  /** Events per repetition. */
  events: number;
  prospects: number;
  /** Batch sizes cycle through this list. */
  sizes: readonly number[];
}

interface Prospect {
  leadId: string;
  token: string;
  ip: string;
}

type Batch = { prospect: Prospect; events: Record<string, unknown>[] };

function workloadsFor(isSmoke: boolean): Workload[] {
  const scale = isSmoke ? 0.02 : 1;
  return [
    {
      key: 'A',
      label: '100-event batches, 10 clients',
      clients: isSmoke ? 2 : 10,
      events: 20_000 * scale,
      prospects: isSmoke ? 8 : 200,
      sizes: [100],
    },
    {
      key: 'B',
      label: '1–5-event batches, 100 clients, 2,000 prospects',
      clients: isSmoke ? 5 : 100,
      events: 20_000 * scale,
      prospects: isSmoke ? 40 : 2_000,
      sizes: [3, 1, 5, 2, 4],
    },
  ];
}

const CONTENT_ID = '00000000-0000-4000-8000-00000000c001';

/** A phone's queue of events: page views, every fifth a content view with its reading time. */
function buildEvents(size: number, now: number): Record<string, unknown>[] {
  return Array.from({ length: size }, (_, i) => {
    const occurredAt = new Date(now - (size - i) * 1000).toISOString();
    return i % 5 === 4
      ? { id: randomUUID(), type: 'content_view', occurredAt, contentId: CONTENT_ID, props: { durationMs: 60_000 } }
      : { id: randomUUID(), type: 'page_view', occurredAt, props: { page: '/pages/index/index', durationMs: 30_000 } };
  });
}

function buildBatches(workload: Workload, prospects: readonly Prospect[], events: number): Batch[] {
  const batches: Batch[] = [];
  const now = Date.now();
  for (let sent = 0, i = 0; sent < events; i += 1) {
    const size = Math.min(workload.sizes[i % workload.sizes.length] ?? 1, events - sent);
    batches.push({ prospect: prospects[i % prospects.length] as Prospect, events: buildEvents(size, now) });
    sent += size;
  }
  return batches;
}

/** Logs `count` prospects in through the login route (each a new WeChat user at its own address). */
async function logInProspects(target: IngestTarget, count: number, tag: string): Promise<Prospect[]> {
  const prospects: Prospect[] = [];
  const logIn = async (i: number) => {
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const res = await fetch(`${target.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-vercel-forwarded-for': ip },
      body: JSON.stringify({ code: `dev-${tag}-${i}` }),
    });
    if (res.status !== 200) throw new Error(`login ${i} answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as LoginResponse;
    prospects[i] = { leadId: body.lead.id, token: body.token, ip };
  };
  for (let i = 0; i < count; i += 25) {
    await Promise.all(Array.from({ length: Math.min(25, count - i) }, (_, j) => logIn(i + j)));
  }
  return prospects;
}

function toRequests(batches: readonly Batch[]): LoadRequest[] {
  return batches.map(({ prospect, events }) => ({
    path: '/api/touchpoints',
    token: prospect.token,
    ip: prospect.ip,
    body: JSON.stringify({ events }),
    check: (status, body) => {
      const answer = body as { accepted?: number; duplicates?: number };
      if (status !== 200 || answer.accepted !== events.length || answer.duplicates !== 0) {
        throw new Error(`ingest answered ${status} ${JSON.stringify(body)} to ${events.length} new events`);
      }
    },
  }));
}

const TOUCHPOINT_COLUMNS = [
  'id',
  'lead_id',
  'type',
  'occurred_at',
  'received_at',
  'channel',
  'campaign_id',
  'content_id',
  'referrer',
  'props',
] as const;

/** `insert into touchpoints (…) values ($1, …), (…)` with the row values the app would write. */
function insertStatement(leadId: string, events: readonly Record<string, unknown>[], receivedAt: string) {
  const values: unknown[] = [];
  const rows = events.map((e) => {
    const row = [e.id, leadId, e.type, e.occurredAt, receivedAt, null, null, e.contentId ?? null, null];
    values.push(...row, JSON.stringify(e.props));
    const base = values.length - TOUCHPOINT_COLUMNS.length;
    return `(${TOUCHPOINT_COLUMNS.map((_, j) => `$${base + j + 1}`).join(', ')})`;
  });
  return { text: `insert into touchpoints (${TOUCHPOINT_COLUMNS.join(', ')}) values ${rows.join(', ')}`, values };
}

/** The lead columns the app rewrites on every batch, with values the size of a real lead's. */
type LeadValues = { scoreState: string; journeyState: string; lifecycleArrivals: string };

function updateStatement(leadId: string, lead: LeadValues, events: readonly Record<string, unknown>[], at: string) {
  return {
    text: `update leads set score_state = $1, journey_state = $2, lifecycle_arrivals = $3, score_total = $4,
      score_fit = $5, score_engagement = $6, scoring_model_version = 1, scored_at = $7, updated_at = $7,
      last_activity_at = $8 where id = $9`,
    values: [
      lead.scoreState,
      lead.journeyState,
      lead.lifecycleArrivals,
      Math.random() * 100,
      10,
      Math.random() * 90,
      at,
      events[events.length - 1]?.occurredAt,
      leadId,
    ],
  };
}

/** Runs `run(batch)` for every batch from `clients` concurrent workers; returns elapsed ms. */
async function runWorkers(clients: number, batches: readonly Batch[], run: (b: Batch) => Promise<void>) {
  return (await runConcurrently(clients, batches.length, (i) => run(batches[i] as Batch))).elapsedMs;
}

/** Copies of the app's prospects' rows (same shape, same indexes) for the baseline to write to. */
async function copyLeads(target: IngestTarget, prospects: readonly Prospect[]): Promise<Prospect[]> {
  const columns = await listCopyableLeadColumns((text) => target.sql.query(text));
  const rows = await target.sql.query(
    `insert into leads (openid, ${columns.join(', ')})
     select 'baseline-' || openid, ${columns.join(', ')} from leads where id = any($1::uuid[]) returning id`,
    [prospects.map((p) => p.leadId)],
  );
  return rows.map((r, i) => ({ leadId: String(r.id), token: '', ip: prospects[i]?.ip ?? '' }));
}

async function measureWorkload(
  target: IngestTarget,
  workload: Workload,
  options: BenchOptions,
): Promise<BenchFigure[]> {
  const tag = `bench${process.pid}${workload.key}${Date.now().toString(36)}`;
  options.log(`${workload.key}: logging ${workload.prospects} prospects in`);
  const prospects = await logInProspects(target, workload.prospects, tag);
  const baselineLeads = await copyLeads(target, prospects);

  // Warm-up on both sides: JIT, plan caches, pool connections; and a real lead's stored state
  // for the baseline's UPDATE.
  const warmUp = Math.max(workload.clients * 2, Math.ceil(workload.events / 50));
  await runClosedLoop({
    baseUrl: target.baseUrl,
    clients: workload.clients,
    requests: toRequests(buildBatches(workload, prospects, warmUp)),
  });
  const [sample] = await target.sql.query(
    'select score_state::text as s, journey_state::text as j, lifecycle_arrivals::text as l from leads where id = $1',
    [prospects[0]?.leadId],
  );
  const lead: LeadValues = {
    scoreState: String(sample?.s),
    journeyState: String(sample?.j),
    lifecycleArrivals: String(sample?.l),
  };
  const baselineBatch = (b: Batch) => {
    const at = new Date().toISOString();
    return target.sql.transaction([
      insertStatement(b.prospect.leadId, b.events, at),
      updateStatement(b.prospect.leadId, lead, b.events, at),
    ]);
  };
  await runWorkers(workload.clients, buildBatches(workload, baselineLeads, warmUp), baselineBatch);

  const latencies: { p50: number[]; p99: number[] } = { p50: [], p99: [] };
  const cpu = {
    loadGenerator: [] as number[],
    app: [] as number[],
    appDb: [] as number[],
    baseline: [] as number[],
    baselineDb: [] as number[],
  };
  let batchCount = 0;
  let rep = 0;
  const values = await alternate(options.repetitions, {
    app: async () => {
      const batches = buildBatches(workload, prospects, workload.events);
      batchCount = batches.length;
      const requests = toRequests(batches);
      const isProfiled = options.cpuProfileDir !== undefined && target.profile !== null && rep === 0;
      rep += 1;
      if (isProfiled) await target.profile?.start();
      const [appCpu, dbCpu] = [await target.readAppCpuMs(), await target.readDatabaseCpuMs('app')];
      const loadCpu = process.cpuUsage();
      const result = await runClosedLoop({ baseUrl: target.baseUrl, clients: workload.clients, requests });
      const loadUsed = process.cpuUsage(loadCpu);
      cpu.loadGenerator.push((loadUsed.user + loadUsed.system) / 1000 / batches.length);
      const [appCpuAfter, dbCpuAfter] = [await target.readAppCpuMs(), await target.readDatabaseCpuMs('app')];
      const appCpuPerBatch =
        appCpu === null || appCpuAfter === null ? undefined : (appCpuAfter - appCpu) / batches.length;
      if (appCpuPerBatch !== undefined) cpu.app.push(appCpuPerBatch);
      if (isProfiled && options.cpuProfileDir) {
        const path = join(options.cpuProfileDir, `ingest-${workload.key}.cpuprofile`);
        await target.profile?.stop(path);
        options.log(`${workload.key}: CPU profile of the app in ${path}`);
        const lines = formatProfileSummary(readCpuProfile(path), batches.length, appCpuPerBatch);
        for (const line of lines) options.log(`  ${line}`);
      }
      if (dbCpu !== null && dbCpuAfter !== null) cpu.appDb.push((dbCpuAfter - dbCpu) / batches.length);
      latencies.p50.push(quantile(result.latenciesMs, 0.5));
      latencies.p99.push(quantile(result.latenciesMs, 0.99));
      return (workload.events * 1000) / result.elapsedMs;
    },
    baseline: async () => {
      const batches = buildBatches(workload, baselineLeads, workload.events);
      const [cpuBefore, dbBefore] = [process.cpuUsage(), await target.readDatabaseCpuMs('baseline')];
      const elapsed = await runWorkers(workload.clients, batches, baselineBatch);
      const used = process.cpuUsage(cpuBefore);
      const dbAfter = await target.readDatabaseCpuMs('baseline');
      if (target.kind === 'postgres') cpu.baseline.push((used.user + used.system) / 1000 / batches.length);
      if (dbBefore !== null && dbAfter !== null) cpu.baselineDb.push((dbAfter - dbBefore) / batches.length);
      return (workload.events * 1000) / elapsed;
    },
    insertOnly: async () => {
      const batches = buildBatches(workload, baselineLeads, workload.events);
      const elapsed = await runWorkers(workload.clients, batches, async (b) => {
        const s = insertStatement(b.prospect.leadId, b.events, new Date().toISOString());
        await target.sql.query(s.text, s.values);
      });
      return (workload.events * 1000) / elapsed;
    },
  });

  // Every event the app accepted is stored once: nothing lost, nothing doubled.
  const [stored] = await target.sql.query(
    'select count(*)::int as n from touchpoints where lead_id = any($1::uuid[])',
    [prospects.map((p) => p.leadId)],
  );
  const sent = warmUp + options.repetitions * workload.events;
  if (Number(stored?.n) !== sent) throw new Error(`ingest bench: ${sent} events sent, ${stored?.n} stored`);
  const cpuNote = (label: string, ms: number[]) => (ms.length > 0 ? `${label} ${formatRange(ms, ' ms')}` : null);
  const notes = [
    `app latency per batch: p50 ${formatRange(latencies.p50, ' ms')}, p99 ${formatRange(latencies.p99, ' ms')}; ${batchCount} batches per repetition, every event accepted once`,
    [
      cpuNote('CPU per batch: app process', cpu.app),
      cpuNote('load generator', cpu.loadGenerator),
      cpuNote('PostgreSQL for the app', cpu.appDb),
      cpuNote('baseline process', cpu.baseline),
      cpuNote('PostgreSQL for the baseline', cpu.baselineDb),
    ]
      .filter((n) => n !== null)
      .join('; '),
  ].filter((n) => n.length > 0);
  const kind = target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const candidate = { label: 'POST /api/touchpoints over HTTP', values: values.app };
  return [
    {
      name: `${workload.key}: ${workload.label} (${kind})`,
      unit: ' events/s',
      candidate,
      baseline: { label: 'plain INSERT + lead UPDATE per batch in one transaction', values: values.baseline },
      notes,
    },
    {
      name: `${workload.key}: ${workload.label} (${kind})`,
      unit: ' events/s',
      candidate,
      baseline: { label: 'plain multi-row INSERT alone', values: values.insertOnly },
    },
  ];
}

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  const target = await startIngestTarget(options);
  try {
    const figures: BenchFigure[] = [];
    for (const workload of workloadsFor(options.isSmoke))
      figures.push(...(await measureWorkload(target, workload, options)));
    return figures;
  } finally {
    await target.close();
  }
}
