/**
 * What phase 2 of issue 12 would buy on the ingest path, measured on PostgreSQL before any
 * service changes (docs/performance.md): the statements one batch runs today, through the app's
 * own drizzle queries, against the shapes proposed for them, on the same tables and indexes with
 * the same pool size. No domain code runs on either side: the lead columns written are fixed
 * values the size of a real lead's, so the figures are the database path alone.
 *
 * - touchpoint insert: drizzle's multi-row VALUES (one typed parameter per cell) against one
 *   `INSERT … SELECT FROM unnest(…)` with ten array parameters, as a named prepared statement;
 * - the batch: today's BEGIN, lock, insert, UPDATE … RETURNING *, ledger insert, COMMIT against
 *   BEGIN, lock-and-insert in one CTE, update-and-ledger in one data-modifying CTE returning the
 *   columns the service reads, COMMIT.
 *
 * Needs `--database-url`; on PGlite it prints nothing.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Transaction } from '../../server/db/client.js';
import { lockLead, saveLeadProgress } from '../../server/db/queries/leads.js';
import { insertNewTouchpoints, type TouchpointInsert } from '../../server/db/queries/touchpoints.js';
import { createBenchDatabase } from '../lib/bench-database.js';
import { alternate, type BenchFigure, type BenchOptions, formatRange, runConcurrently } from '../lib/bench-kit.js';
import { buildSampleLeadColumns } from '../lib/sample-lead.js';

export const name = 'ingest-sql';

const POOL_SIZE = 10;

/** One batch's rows, as the service builds them. */
function buildRows(leadId: string, size: number): TouchpointInsert[] {
  const now = Date.now();
  return Array.from({ length: size }, (_, i) => ({
    id: randomUUID(),
    leadId,
    type: i % 5 === 4 ? 'content_view' : 'page_view',
    occurredAt: new Date(now - (size - i) * 1000),
    receivedAt: new Date(now),
    channel: null,
    campaignId: null,
    contentId: i % 5 === 4 ? '00000000-0000-4000-8000-00000000c001' : null,
    referrer: null,
    props: i % 5 === 4 ? { durationMs: 60_000 } : { page: '/pages/index/index', durationMs: 30_000 },
  }));
}

/** The touchpoint insert as one statement with an array per column (parsed once per connection). */
const UNNEST_INSERT = {
  name: 'bench_insert_touchpoints',
  text: `insert into touchpoints (id, lead_id, type, occurred_at, received_at, channel, campaign_id, content_id, referrer, props)
    select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[],
      $7::text[], $8::uuid[], $9::text[], $10::jsonb[])
    on conflict (lead_id, id) do nothing
    returning id, (select journey_stage from content_items c where c.id = touchpoints.content_id) as content_stage`,
};

function unnestValues(rows: readonly TouchpointInsert[]): unknown[] {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const column = <T>(read: (r: TouchpointInsert) => T) => sorted.map(read);
  return [
    column((r) => r.id),
    column((r) => r.leadId),
    column((r) => r.type),
    column((r) => (r.occurredAt as Date).toISOString()),
    column((r) => (r.receivedAt as Date).toISOString()),
    column((r) => r.channel),
    column((r) => r.campaignId),
    column((r) => r.contentId),
    column((r) => r.referrer),
    column((r) => JSON.stringify(r.props)),
  ];
}

/** The lead columns the service rewrites per batch, and two ledger rows (one per rule, as summarized). */
function leadUpdate(sample: { scoreState: unknown; journeyState: unknown; lifecycleArrivals: unknown }) {
  const now = new Date();
  return {
    scoreState: sample.scoreState as Record<string, unknown>,
    journeyState: sample.journeyState as Record<string, unknown>,
    lifecycleArrivals: sample.lifecycleArrivals as Record<string, number>,
    scoreTotal: Math.random() * 100,
    scoreFit: 10,
    scoreEngagement: Math.random() * 90,
    scoringModelVersion: 1,
    scoredAt: now,
    updatedAt: now,
    lastActivityAt: now,
  };
}

const LOCK_AND_INSERT = {
  name: 'bench_lock_and_insert',
  text: `with locked as (select * from leads where id = $11 for update),
    inserted as (
      insert into touchpoints (id, lead_id, type, occurred_at, received_at, channel, campaign_id, content_id, referrer, props)
      select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[],
        $7::text[], $8::uuid[], $9::text[], $10::jsonb[])
      where exists (select 1 from locked)
      on conflict (lead_id, id) do nothing
      returning id, content_id)
    select (select row_to_json(locked) from locked) as lead,
      (select document from scoring_models where is_active) as model,
      (select coalesce(json_agg(json_build_array(i.id, c.journey_stage)), '[]') from inserted i
        left join content_items c on c.id = i.content_id) as inserted`,
};

const UPDATE_AND_LEDGER = {
  name: 'bench_update_and_ledger',
  text: `with updated as (
      update leads set score_state = $2, journey_state = $3, lifecycle_arrivals = $4, score_total = $5, score_fit = $6,
        score_engagement = $7, scoring_model_version = 1, scored_at = $8, updated_at = $8, last_activity_at = $8
      where id = $1
      returning id, lifecycle_stage, journey_stage, score_total),
    ledger as (
      insert into score_ledger (lead_id, signal_id, rule_id, dimension, points, signal_count, model_version, at)
      select $1, * from unnest($9::text[], $10::text[], $11::text[], $12::float8[], $13::int[], $14::int[], $15::timestamptz[]))
    select * from updated`,
};

async function timeBatches(workers: number, batches: number, run: (i: number) => Promise<void>) {
  const cpu = process.cpuUsage();
  const { elapsedMs } = await runConcurrently(workers, batches, run);
  const used = process.cpuUsage(cpu);
  return { perSecond: (batches * 1000) / elapsedMs, cpuMsPerBatch: (used.user + used.system) / 1000 / batches };
}

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  if (!options.databaseUrl) {
    options.log('ingest-sql measures PostgreSQL: pass --database-url; skipped on PGlite');
    return [];
  }
  const database = await createBenchDatabase(options.databaseUrl);
  const handle = createDatabase({ databaseUrl: database.urlFor('scrm-bench-drizzle'), maxConnections: POOL_SIZE });
  const pool = new pg.Pool({ connectionString: database.urlFor('scrm-bench-sql'), max: POOL_SIZE });
  try {
    const leadCount = options.isSmoke ? 20 : 2_000;
    const leadIds = (
      await pool.query<{ id: string }>(
        `insert into leads (openid, score_state, journey_state, lifecycle_arrivals)
         select 'sql-' || g, '{}', '{}', '{}' from generate_series(1, $1) g returning id`,
        [leadCount],
      )
    ).rows.map((r) => r.id);
    // A real lead's stored state: the size of what the service writes per batch.
    const sample = buildSampleLeadColumns();
    const figures: BenchFigure[] = [];
    for (const [size, workers] of [
      [100, 10],
      [3, 100],
    ] as const) {
      const batches = options.isSmoke ? 10 : size === 100 ? 200 : 3_000;
      const leadFor = (i: number) => leadIds[i % leadIds.length] as string;
      const cpu: Record<string, number[]> = {
        current: [],
        unnest: [],
        unnamed: [],
        batchNow: [],
        batchCte: [],
        all: [],
        few: [],
      };
      const measure =
        (key: string, body: (i: number) => Promise<void>, perBatch: number = size) =>
        async () => {
          const result = await timeBatches(workers, batches, body);
          cpu[key]?.push(result.cpuMsPerBatch);
          return result.perSecond * perBatch;
        };
      const insertValues = await alternate(options.repetitions, {
        current: measure('current', async (i) => {
          await insertNewTouchpoints(handle.db as unknown as Transaction, buildRows(leadFor(i), size));
        }),
        unnest: measure('unnest', async (i) => {
          await pool.query({ ...UNNEST_INSERT, values: unnestValues(buildRows(leadFor(i), size)) });
        }),
        unnamed: measure('unnamed', async (i) => {
          await pool.query({ text: UNNEST_INSERT.text, values: unnestValues(buildRows(leadFor(i), size)) });
        }),
      });
      // The lead UPDATE alone, plain node-postgres on both sides: the whole row back (as
      // saveLeadProgress's `.returning()`) or the four columns the service reads.
      const update = (returning: string) => async (i: number) => {
        const u = leadUpdate(sample);
        await pool.query(
          `update leads set score_state = $2, journey_state = $3, lifecycle_arrivals = $4, score_total = $5,
            updated_at = $6 where id = $1 returning ${returning}`,
          [
            leadFor(i),
            JSON.stringify(u.scoreState),
            JSON.stringify(u.journeyState),
            JSON.stringify(u.lifecycleArrivals),
            u.scoreTotal,
            u.updatedAt.toISOString(),
          ],
        );
      };
      const returningValues = await alternate(options.repetitions, {
        all: measure('all', update('*'), 1),
        few: measure('few', update('id, lifecycle_stage, journey_stage, score_total'), 1),
      });
      const batchValues = await alternate(options.repetitions, {
        batchNow: measure('batchNow', async (i) => {
          const leadId = leadFor(i);
          await handle.db.transaction(async (tx) => {
            await lockLead(tx, leadId);
            await insertNewTouchpoints(tx, buildRows(leadId, size));
            const at = new Date();
            await saveLeadProgress(tx, {
              leadId,
              update: leadUpdate(sample),
              transitions: [],
              ledger: ['page-view', 'content-view'].map((ruleId) => ({
                leadId,
                signalId: randomUUID(),
                ruleId,
                dimension: 'engagement' as const,
                points: 1.5,
                signalCount: 2,
                modelVersion: 1,
                at,
              })),
            });
          });
        }),
        batchCte: measure('batchCte', async (i) => {
          const leadId = leadFor(i);
          const client = await pool.connect();
          try {
            await client.query('begin');
            await client.query({ ...LOCK_AND_INSERT, values: [...unnestValues(buildRows(leadId, size)), leadId] });
            const u = leadUpdate(sample);
            const at = u.updatedAt.toISOString();
            await client.query({
              ...UPDATE_AND_LEDGER,
              values: [
                leadId,
                JSON.stringify(u.scoreState),
                JSON.stringify(u.journeyState),
                JSON.stringify(u.lifecycleArrivals),
                u.scoreTotal,
                u.scoreFit,
                u.scoreEngagement,
                at,
                [randomUUID(), randomUUID()],
                ['page-view', 'content-view'],
                ['engagement', 'engagement'],
                [1.5, 1.5],
                [2, 2],
                [1, 1],
                [at, at],
              ],
            });
            await client.query('commit');
          } finally {
            client.release();
          }
        }),
      });
      const label = `${size === 100 ? '100-event' : '3-event'} batches, ${workers} workers, pool of ${POOL_SIZE}`;
      const cpuNote = (a: string, b: string) =>
        `Node CPU per batch: ${formatRange(cpu[a] ?? [], ' ms')} today vs ${formatRange(cpu[b] ?? [], ' ms')} proposed`;
      figures.push(
        {
          name: `touchpoint insert, ${label}`,
          unit: ' events/s',
          candidate: { label: 'INSERT … SELECT FROM unnest(10 arrays), prepared', values: insertValues.unnest },
          baseline: { label: "drizzle multi-row VALUES (today's insertNewTouchpoints)", values: insertValues.current },
          notes: [cpuNote('current', 'unnest')],
        },
        {
          name: `touchpoint insert, ${label}`,
          unit: ' events/s',
          candidate: {
            label: 'the same unnest INSERT, named (prepared once per connection)',
            values: insertValues.unnest,
          },
          baseline: {
            label: 'the same unnest INSERT, unnamed (parsed and planned each time)',
            values: insertValues.unnamed,
          },
          notes: [cpuNote('unnamed', 'unnest')],
        },
        {
          name: `lead UPDATE alone, ${workers} workers, pool of ${POOL_SIZE}`,
          unit: ' updates/s',
          candidate: { label: 'RETURNING the 4 columns the service reads', values: returningValues.few },
          baseline: { label: 'RETURNING * (score and journey state JSON back to Node)', values: returningValues.all },
          notes: [cpuNote('all', 'few')],
        },
        {
          name: `a batch's statements, ${label}`,
          unit: ' events/s',
          candidate: {
            label: 'BEGIN, lock+insert CTE, update+ledger CTE (RETURNING 4 columns), COMMIT',
            values: batchValues.batchCte,
          },
          baseline: {
            label: "today's BEGIN, lock, insert, UPDATE … RETURNING *, ledger insert, COMMIT (drizzle)",
            values: batchValues.batchNow,
          },
          notes: [cpuNote('batchNow', 'batchCte')],
        },
      );
    }
    return figures;
  } finally {
    await Promise.all([pool.end(), handle.close()]);
    await database.drop();
  }
}
