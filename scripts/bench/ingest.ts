/**
 * Ingest bench (issue 4): touchpoints per second into the database through the HTTP app
 * (validation, auth, rate limits, idempotent insert, lead lock, scoring, stage transitions and
 * ledger, all in one transaction per batch), against a plain multi-row INSERT of the same number
 * of events measured in the same run on the same database. Goal: the app keeps at least a third
 * of raw insert throughput. Also p50/p99 latency of one 100-event batch. Embedded PGlite.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_SCORING_MODEL } from '@scrm/shared';
import { createApp } from '../../server/app.js';
import { createDatabase } from '../../server/db/client.js';
import { migrateDatabase } from '../../server/db/migrate.js';
import { leads, touchpoints } from '../../server/db/schema/index.js';
import { parseEnv } from '../../server/env.js';
import { createLogger } from '../../server/log/logger.js';
import { createMemoryStore } from '../../server/redis/memory.js';
import { signSessionToken } from '../../server/services/auth/session-token.js';
import { toNewLead } from '../../server/services/leads/lead-domain-state.js';
import { createWechatClient } from '../../server/wechat/client.js';
import { type BenchFigure, quantile } from '../lib/bench-kit.js';

export const name = 'ingest';

const BATCHES = 40;
const BATCH_SIZE = 100;
const START = Date.UTC(2026, 2, 2, 1);

function batchOf(size: number, at: number) {
  return Array.from({ length: size }, (_, i) => ({
    id: randomUUID(),
    type: i % 5 === 0 ? 'content_view' : 'page_view',
    occurredAt: new Date(at - (size - i) * 1000).toISOString(),
    ...(i % 5 === 0 ? { contentId: '00000000-0000-4000-8000-00000000c001', props: { durationMs: 60_000 } } : {}),
    ...(i % 5 === 0 ? {} : { props: { page: '/pages/index/index', durationMs: 30_000 } }),
  }));
}

export async function run(): Promise<BenchFigure[]> {
  const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: 'memory://' });
  const database = createDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database);
  const store = createMemoryStore();
  const now = () => new Date(START);
  const wechat = createWechatClient({ baseUrl: 'http://127.0.0.1:9', appId: 'bench', secret: 'bench', store });
  const app = createApp({
    db: database.db,
    dbKind: database.kind,
    store,
    env,
    logger: createLogger({ level: 'silent' }),
    now,
    wechat,
  });

  // One lead per batch, as many prospects each flushing a full queue (the per-lead limit is per minute).
  // Leads as a first login leaves them (stages and an empty score state), so a batch is scored
  // incrementally; a lead without a state would first be rebuilt from its history.
  const leadRows = await database.db
    .insert(leads)
    .values(
      Array.from(
        { length: BATCHES * 2 },
        (_, i) => toNewLead({ openid: `o_bench_${i}`, at: now(), model: DEFAULT_SCORING_MODEL }).lead,
      ),
    )
    .returning({ id: leads.id });
  const tokens = await Promise.all(
    leadRows.map((l) => signSessionToken(env.AUTH_SECRET, { subject: l.id, role: 'prospect' }, now())),
  );

  const post = (token: string, events: unknown[]) =>
    app.request('/api/touchpoints', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // In process there is no connection, so no client address: the per-address limit does not
        // count these requests (ADR 007); the per-lead one does, with a lead per batch.
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ events }),
    });
  // Warm-up: the first queries compile plans and JIT the code paths.
  for (let i = 0; i < 3; i++) await post(tokens[BATCHES + i]?.token ?? '', batchOf(BATCH_SIZE, START));

  // Interleaved: each app batch is followed by a raw insert of as many events, so that the load
  // of a shared machine falls on both sides alike.
  const latencies: number[] = [];
  let rawMs = 0;
  for (let b = 0; b < BATCHES; b++) {
    const t0 = performance.now();
    const res = await post(tokens[b]?.token ?? '', batchOf(BATCH_SIZE, START));
    latencies.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`ingest bench: batch ${b} answered ${res.status} ${await res.text()}`);
    const leadId = leadRows[BATCHES + b]?.id ?? '';
    const rows = batchOf(BATCH_SIZE, START).map((e) => ({
      id: e.id,
      leadId,
      type: e.type,
      occurredAt: new Date(e.occurredAt),
      contentId: e.contentId ?? null,
      props: e.props,
    }));
    const r0 = performance.now();
    await database.db.insert(touchpoints).values(rows);
    rawMs += performance.now() - r0;
  }
  const appMs = latencies.reduce((sum, ms) => sum + ms, 0);
  const appPerSecond = (BATCHES * BATCH_SIZE * 1000) / appMs;
  const rawPerSecond = (BATCHES * BATCH_SIZE * 1000) / rawMs;
  await database.close();

  return [
    {
      name: `${BATCHES} batches of ${BATCH_SIZE} events (PGlite)`,
      unit: ' events/s',
      candidate: { label: 'POST /api/touchpoints', perSecond: appPerSecond },
      baseline: { label: 'plain multi-row INSERT', perSecond: rawPerSecond },
      notes: [
        `latency of one ${BATCH_SIZE}-event batch: p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms`,
      ],
    },
  ];
}
