/**
 * The rescoring after a model switch (issue 15 §4, ADR 019): `runRescoring`'s keyset batches
 * (lock the leads, read their touchpoints, rebuild and score each state, one UPDATE per batch)
 * over every lead, in leads per second, against one bare UPDATE of the same score columns of the
 * same rows (nothing read, nothing computed): the floor set by writing the rows at all.
 *
 * Leads and touchpoints come from the analytics generator (about ten touchpoints a lead). Needs
 * `--database-url`; on PGlite it prints nothing. `--leads N` (default 100,000).
 */
import { DEFAULT_SCORING_MODEL } from '@scrm/shared';
import { sql } from 'drizzle-orm';
import { createDatabase, type Database } from '../../server/db/client.js';
import { countLiveLeads } from '../../server/db/queries/scoring-rescores.js';
import { generateSyntheticHistory } from '../../server/db/queries/synthetic-history.js';
import { parseEnv } from '../../server/env.js';
import { createLogger } from '../../server/log/logger.js';
import { runRescoring } from '../../server/services/scoring-models/rescore-leads.js';
import { createBenchDatabase } from '../lib/bench-database.js';
import { alternate, type BenchFigure, type BenchOptions, summarize } from '../lib/bench-kit.js';

export const name = 'rescoring';

const END_AT = new Date('2026-11-30T16:00:00.000Z');
const BATCH_SIZE = 2_000;

async function generateLeads(db: Database, leads: number): Promise<void> {
  const ids = async (statement: ReturnType<typeof sql>) =>
    ((await db.execute(statement)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  const campusIds = await ids(
    sql`insert into campuses (name, city) select '校区' || g, '上海' from generate_series(1, 3) g returning id::text`,
  );
  const courseIds = await ids(
    sql`insert into courses (code, name, price_fen) select 'bench-' || g, '课程' || g, 1280000 from generate_series(1, 4) g returning id::text`,
  );
  await generateSyntheticHistory(db, {
    leads,
    touchesPerLead: 10,
    endAt: END_AT,
    months: 12,
    campusIds,
    courseIds,
    sources: ['mini_program', 'event_qr', 'wechat_article', 'referral'],
    campaignIds: ['spring-fair', 'open-day'],
    channels: ['moments', 'wechat_article', 'search', 'referral', 'offline'],
  });
  await db.execute(sql`insert into scoring_models (version, name, document, is_active)
    values (${DEFAULT_SCORING_MODEL.version}, 'default', ${JSON.stringify(DEFAULT_SCORING_MODEL)}::jsonb, true)`);
  await db.execute(sql`vacuum analyze leads, touchpoints`);
}

/** One whole rescoring, as activation schedules it and the cron carries it out; leads per second. */
async function rescoreAll(db: Database, leads: number): Promise<number> {
  const now = () => new Date(END_AT.getTime() + 3_600_000);
  await db.execute(sql`insert into scoring_rescores (version, kind, total, started_at, updated_at)
    values (${DEFAULT_SCORING_MODEL.version}, 'activate', ${leads}, ${now()}, ${now()})`);
  const ctx = {
    db,
    now,
    env: parseEnv({ RESCORE_BATCH_SIZE: String(BATCH_SIZE) }),
    logger: createLogger({ level: 'warn' }),
  };
  const started = performance.now();
  const run = await runRescoring(ctx, { budgetMs: Number.POSITIVE_INFINITY });
  const elapsed = performance.now() - started;
  if (run.stoppedBy !== 'finished' || run.rescoring?.done !== leads) {
    throw new Error(`rescoring stopped by ${run.stoppedBy} after ${run.rescoring?.done} of ${leads} leads`);
  }
  return (leads * 1000) / elapsed;
}

/** The same score columns written in one statement, with nothing computed: the cost of the writes alone. */
async function updateAll(db: Database, leads: number): Promise<number> {
  const started = performance.now();
  await db.execute(sql`update leads set score_total = score_total + 1, score_fit = score_fit + 1,
    score_engagement = score_engagement + 1, scoring_model_version = ${DEFAULT_SCORING_MODEL.version}, scored_at = now()
    where merged_into_lead_id is null`);
  return (leads * 1000) / (performance.now() - started);
}

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  if (!options.databaseUrl) {
    options.log('rescoring measures PostgreSQL: pass --database-url; skipped on PGlite');
    return [];
  }
  const database = await createBenchDatabase(options.databaseUrl);
  const handle = createDatabase({ databaseUrl: database.urlFor('scrm-bench-rescoring'), maxConnections: 2 });
  const db = handle.db;
  try {
    const requested = options.isSmoke ? 2_000 : (options.leads ?? 100_000);
    options.log(`generating ${requested.toLocaleString('en-US')} leads with about ten touchpoints each …`);
    await generateLeads(db, requested);
    const leads = await countLiveLeads(db);
    const values = await alternate(options.repetitions, {
      rescoring: () => rescoreAll(db, leads),
      update: () => updateAll(db, leads),
    });
    return [
      {
        name: `rescoring every lead after a switch, ${leads.toLocaleString('en-US')} leads, batches of ${BATCH_SIZE.toLocaleString('en-US')}`,
        unit: ' leads/s',
        candidate: {
          label: 'runRescoring (lock, read touchpoints, rebuild, one UPDATE per batch)',
          values: values.rescoring,
        },
        baseline: { label: 'one bare UPDATE of the same columns and rows', values: values.update },
        notes: [
          `at the median rate a million leads take ${Math.round(1_000_000 / summarize(values.rescoring).median / 60)} minutes of cron runs`,
        ],
      },
    ];
  } finally {
    await handle.close();
    await database.drop();
  }
}
