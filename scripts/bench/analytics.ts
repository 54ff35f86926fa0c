/**
 * The analytics dashboard at scale (issue 15 §3, ADR 016): 1,000,000 leads and about 10,000,000
 * touchpoints generated server-side (`generate_series`, realistic stage mixes), folded into the
 * rollups, then every dashboard query timed two ways in the same run, alternately:
 * - rollups: what the API does — the period's rollup rows summed, finalised by shared/analytics;
 * - full scan: the same answer derived from the raw history at request time (every lead's moves,
 *   enrolments and touches through the fold's derivation into temporary tables that shadow the
 *   rollups, then the same read), which is what a dashboard without rollups would have to do.
 * The two answers must be equal before a time is printed. Target: each rollup query under 1 s.
 *
 * Needs `--database-url`; `--smoke` generates 2,000 leads so CI proves the code path in seconds,
 * `--leads N` another size (the ratio to the full scan is printed at every size).
 */
import { sql } from 'drizzle-orm';
import { createDatabase, type Database, type Transaction } from '../../server/db/client.js';
import {
  addAllLeadsToFold,
  createFoldLeadsTable,
  foldCohorts,
  foldValue,
  foldVelocity,
  foldVolume,
} from '../../server/db/queries/analytics-fold.js';
import { generateSyntheticHistory } from '../../server/db/queries/synthetic-history.js';
import { foldAnalytics } from '../../server/services/analytics/fold-analytics.js';
import { foldAttribution } from '../../server/services/analytics/fold-attribution.js';
import {
  readAttribution,
  readEffectiveness,
  readEfficiency,
  readValue,
  readVelocity,
  readVolume,
} from '../../server/services/analytics/read-measures.js';
import { createBenchDatabase } from '../lib/bench-database.js';
import { alternate, type BenchFigure, type BenchOptions } from '../lib/bench-kit.js';

export const name = 'analytics';

const END_AT = new Date('2026-11-30T16:00:00.000Z');
const ROLLUPS = [
  'analytics_stage_daily',
  'analytics_stage_monthly',
  'analytics_velocity_daily',
  'analytics_cohort_daily',
  'analytics_velocity_monthly',
  'analytics_cohort_monthly',
  'analytics_velocity_campus_monthly',
  'analytics_cohort_campus_monthly',
  'analytics_value_daily',
  'analytics_value_monthly',
  'analytics_attribution_daily',
];

type Derivation = 'volume' | 'velocity' | 'cohorts' | 'value' | 'attribution';

interface DashboardQuery {
  name: string;
  /** The rollup tables the full scan must derive first. */
  derive: Derivation[];
  read: (db: Database) => Promise<unknown>;
}

function listQueries(now: () => Date): DashboardQuery[] {
  const ctx = (db: Database) => ({ db, now });
  const quarter = { fromDay: '2026-09-01', toDay: '2026-11-30' };
  const half = { fromDay: '2026-06-01', toDay: '2026-11-30' };
  return [
    {
      name: 'volume by source (quarter)',
      derive: ['volume'],
      read: (db) => readVolume(ctx(db), { ...quarter, groupBy: 'source' }, 'all'),
    },
    { name: 'velocity (six months)', derive: ['velocity'], read: (db) => readVelocity(ctx(db), half, 'all') },
    {
      name: 'value by source (quarter)',
      derive: ['value'],
      read: (db) => readValue(ctx(db), { ...quarter, groupBy: 'source' }, 'all'),
    },
    {
      name: 'effectiveness, 30-day horizon (six months)',
      derive: ['cohorts'],
      read: (db) => readEffectiveness(ctx(db), { ...half, horizonDays: 30 }, 'all'),
    },
    {
      name: 'efficiency by campaign (quarter)',
      derive: ['volume', 'value'],
      read: (db) => readEfficiency(ctx(db), { ...quarter, by: 'campaign' }, 'all'),
    },
    {
      name: 'attribution u-shaped by channel (quarter)',
      derive: ['attribution'],
      read: (db) => readAttribution(ctx(db), { ...quarter, model: 'u_shaped', by: 'channel' }, 'all'),
    },
  ];
}

const FOLDS: Record<Derivation, (tx: Transaction) => Promise<unknown>> = {
  volume: foldVolume,
  velocity: foldVelocity,
  cohorts: foldCohorts,
  value: foldValue,
  attribution: (tx) => foldAttribution(tx, 30),
};

/** The answer from the raw history: temporary tables named like the rollups shadow them for this transaction. */
async function readByFullScan(db: Database, query: DashboardQuery, now: Date): Promise<unknown> {
  let answer: unknown;
  await db.transaction(async (tx) => {
    for (const table of ROLLUPS) {
      await tx.execute(
        sql.raw(
          `create temporary table ${table} (like public_placeholder including all) on commit drop`.replace(
            'public_placeholder',
            `${await currentSchema(tx)}.${table}`,
          ),
        ),
      );
    }
    await createFoldLeadsTable(tx);
    await addAllLeadsToFold(tx, now);
    for (const step of query.derive) await FOLDS[step](tx);
    answer = await query.read(tx as unknown as Database);
  });
  return answer;
}

async function currentSchema(tx: Transaction): Promise<string> {
  const result = (await tx.execute(sql`select current_schema() as s`)) as unknown as { rows: { s: string }[] };
  return result.rows[0]?.s ?? 'public';
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** The answers without their freshness stamp (the full scan's temporary tables have none of their own). */
const comparable = (answer: unknown) => JSON.stringify({ ...(answer as object), updatedAt: null });

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  if (!options.databaseUrl) {
    options.log('analytics measures PostgreSQL: pass --database-url; skipped on PGlite');
    return [];
  }
  const database = await createBenchDatabase(options.databaseUrl);
  const handle = createDatabase({ databaseUrl: database.urlFor('scrm-bench-analytics'), maxConnections: 2 });
  const db = handle.db;
  try {
    // --leads (or ANALYTICS_BENCH_LEADS): a size between the smoke run and the full one.
    const leads = options.isSmoke ? 2_000 : (options.leads ?? Number(process.env.ANALYTICS_BENCH_LEADS ?? 1_000_000));
    const campusIds = (
      (await db.execute(
        sql`insert into campuses (name, city) select '校区' || g, '上海' from generate_series(1, 3) g returning id::text`,
      )) as unknown as { rows: { id: string }[] }
    ).rows.map((r) => r.id);
    const courseIds = (
      (await db.execute(
        sql`insert into courses (code, name, price_fen) select 'bench-' || g, '课程' || g, 1280000 from generate_series(1, 4) g returning id::text`,
      )) as unknown as { rows: { id: string }[] }
    ).rows.map((r) => r.id);
    options.log(`generating ${leads.toLocaleString('en-US')} leads with about ten touchpoints each …`);
    const generated = await timed(() =>
      generateSyntheticHistory(db, {
        leads,
        touchesPerLead: 10,
        endAt: END_AT,
        months: 12,
        campusIds,
        courseIds,
        sources: ['mini_program', 'event_qr', 'wechat_article', 'referral'],
        campaignIds: ['spring-fair', 'wechat-ads', 'moments-2026', 'referral-week', 'summer-camp', 'open-day'],
        channels: ['moments', 'wechat_article', 'search', 'referral', 'offline'],
        isBulkLoad: true,
      }),
    );
    await db.execute(sql`analyze`);
    const counts = (
      (await db.execute(sql`select (select count(*) from leads)::int as leads, (select count(*) from touchpoints)::int as touches,
        (select count(*) from stage_transitions)::int as moves, (select count(*) from enrolments)::int as enrolments`)) as unknown as {
        rows: { leads: number; touches: number; moves: number; enrolments: number }[];
      }
    ).rows[0];
    options.log(`generated in ${Math.round(generated.ms / 1000)} s: ${JSON.stringify(counts)}; folding …`);
    const now = () => new Date(END_AT.getTime() + 3_600_000);
    const fold = await timed(() => foldAnalytics({ db, now }, { settled: true }));
    await db.execute(sql`analyze`);
    const rollupRows = (
      (await db.execute(
        sql`select ${sql.raw(ROLLUPS.map((t) => `(select count(*) from ${t})`).join(' + '))}::int as n`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]?.n;
    options.log(`full fold in ${Math.round(fold.ms / 1000)} s, ${rollupRows} rollup rows`);

    const figures: BenchFigure[] = [];
    for (const query of listQueries(now)) {
      const answers: { rollup?: string; scan?: string } = {};
      const values = await alternate(options.repetitions, {
        rollups: async () => {
          const result = await timed(() => query.read(db));
          answers.rollup = comparable(result.value);
          return result.ms;
        },
        'full scan': async () => {
          const result = await timed(() => readByFullScan(db, query, now()));
          answers.scan = comparable(result.value);
          return result.ms;
        },
      });
      if (answers.rollup !== answers.scan) throw new Error(`${query.name}: the rollup and full-scan answers differ`);
      figures.push({
        name: query.name,
        unit: ' ms',
        candidate: { label: 'rollups', values: values.rollups },
        baseline: { label: 'full scan', values: values['full scan'] },
        notes: [
          `answers equal; ${leads.toLocaleString('en-US')} leads, ${counts?.touches.toLocaleString('en-US')} touchpoints`,
        ],
      });
    }
    figures[0]?.notes?.push(
      `generated in ${Math.round(generated.ms / 1000)} s; full fold (rebuild) ${Math.round(fold.ms / 1000)} s into ${rollupRows} rollup rows`,
    );
    return figures;
  } finally {
    await handle.close();
    await database.drop();
  }
}
