/**
 * The analytics fold (ADR 016): brings the rollup tables up to date with the facts recorded since
 * the last fold's watermark, in one transaction that also advances the watermark. The ingest path
 * writes nothing for analytics; `/api/cron/analytics` runs this every few minutes.
 *
 * A changed lead is retracted as of the old watermark (under the segment it was folded with) and
 * added again as of the new one, so open facts — a cohort entry that converts, an enrolment that
 * gains a late touch, a lead moved to another campus — end up exactly as a rebuild would count
 * them. Facts are folded only when recorded more than `SETTLE_MS` ago, longer than any ingest
 * transaction runs, so a transaction that commits late is not skipped. A lead merge (or its
 * reversal) moves history between leads, and a change of lookback changes every credit: both
 * make the fold rebuild every table from the raw history instead.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Transaction } from '../../db/client.js';
import {
  addAllLeadsToFold,
  addChangedLeadsToFold,
  createFoldLeadsTable,
  foldCohorts,
  foldValue,
  foldVelocity,
  foldVolume,
  saveFoldedSegments,
  selectRows,
} from '../../db/queries/analytics-fold.js';
import { withLock } from '../../redis/lock.js';
import { foldAttribution } from './fold-attribution.js';

/** Longer than any ingest transaction (bounded by `statement_timeout`). */
export const SETTLE_MS = 2 * 60_000;
/** Touches up to this many days before an enrolment are credited (attribution's lookback window). */
export const DEFAULT_LOOKBACK_DAYS = 30;
const STATE_ID = 'default';
const LOCK_KEY = 'lock:cron:analytics';
const LOCK_TTL_MS = 10 * 60_000;

export interface FoldOutcome {
  skipped: boolean;
  rebuilt: boolean;
  changedLeads: number;
  watermark: string | null;
}

export interface FoldOptions {
  lookbackDays?: number;
  /** Fold everything recorded before now, without waiting for it to settle (a seed, a test). */
  settled?: boolean;
  /** Recompute every table from the raw history. */
  rebuild?: boolean;
}

type FoldContext = Pick<AppContext, 'db' | 'now' | 'store'>;

/** The cron entry point: one fold at a time across instances (the store lock), the rest return at once. */
export async function runAnalyticsFold(ctx: FoldContext, options: FoldOptions = {}): Promise<FoldOutcome> {
  const run = await withLock(ctx.store, LOCK_KEY, { ttlMs: LOCK_TTL_MS }, () => foldAnalytics(ctx, options));
  return run.acquired ? run.value : { skipped: true, rebuilt: false, changedLeads: 0, watermark: null };
}

/** One fold, serialised by the state row's lock (a second fold waits, then finds nothing new). */
export function foldAnalytics(ctx: Pick<AppContext, 'db' | 'now'>, options: FoldOptions = {}): Promise<FoldOutcome> {
  return ctx.db.transaction(async (tx) => {
    const lookbackDays = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
    const now = ctx.now();
    const target = new Date(now.getTime() - (options.settled ? 0 : SETTLE_MS));
    const state = await lockFoldState(tx, now, lookbackDays);
    const watermark = state && target < state.watermark ? state.watermark : target;
    await createFoldLeadsTable(tx);
    const rebuild =
      !state ||
      options.rebuild === true ||
      state.lookbackDays !== lookbackDays ||
      (await hasMergesBetween(tx, state.watermark, watermark));
    let changedLeads: number;
    if (rebuild) {
      await truncateRollups(tx);
      await addAllLeadsToFold(tx, watermark);
      const [row] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n from analytics_fold_leads`);
      changedLeads = row?.n ?? 0;
    } else {
      changedLeads = await addChangedLeadsToFold(tx, state.watermark, watermark);
    }
    if (changedLeads > 0) {
      await foldVolume(tx);
      await foldVelocity(tx);
      await foldCohorts(tx);
      await foldValue(tx);
      await foldAttribution(tx, lookbackDays);
      await saveFoldedSegments(tx);
    }
    await tx.execute(sql`
      update analytics_fold_state set watermark = ${watermark.toISOString()}::timestamptz,
        lookback_days = ${lookbackDays}, folded_at = ${now.toISOString()}::timestamptz
      where id = ${STATE_ID}`);
    return { skipped: false, rebuilt: rebuild, changedLeads, watermark: watermark.toISOString() };
  });
}

/** When the rollups were last folded (null before the first fold): the page says how fresh its data is. */
export async function readFoldState(db: AppContext['db']) {
  const [row] = await selectRows<{ watermark: string; folded_at: string; lookback_days: number }>(
    db,
    sql`select watermark::text, folded_at::text, lookback_days from analytics_fold_state where id = ${STATE_ID}`,
  );
  return row
    ? { watermark: new Date(row.watermark), foldedAt: new Date(row.folded_at), lookbackDays: row.lookback_days }
    : null;
}

/** The state row, locked; created (and null returned) on the first fold, which then rebuilds. */
async function lockFoldState(tx: Transaction, now: Date, lookbackDays: number) {
  const inserted = await selectRows<{ id: string }>(
    tx,
    sql`insert into analytics_fold_state (id, watermark, lookback_days, folded_at)
        values (${STATE_ID}, ${now.toISOString()}::timestamptz, ${lookbackDays}, ${now.toISOString()}::timestamptz)
        on conflict (id) do nothing returning id`,
  );
  const [row] = await selectRows<{ watermark: string; lookback_days: number }>(
    tx,
    sql`select watermark::text, lookback_days from analytics_fold_state where id = ${STATE_ID} for update`,
  );
  if (inserted.length > 0 || !row) return null;
  return { watermark: new Date(row.watermark), lookbackDays: row.lookback_days };
}

async function hasMergesBetween(tx: Transaction, from: Date, to: Date): Promise<boolean> {
  const rows = await selectRows<{ one: number }>(
    tx,
    sql`select 1 as one from lead_merges
        where (merged_at >= ${from.toISOString()}::timestamptz and merged_at < ${to.toISOString()}::timestamptz)
           or (reversed_at >= ${from.toISOString()}::timestamptz and reversed_at < ${to.toISOString()}::timestamptz)
        limit 1`,
  );
  return rows.length > 0;
}

async function truncateRollups(tx: Transaction): Promise<void> {
  await tx.execute(sql`truncate analytics_stage_daily, analytics_stage_monthly, analytics_velocity_daily,
    analytics_cohort_daily, analytics_velocity_monthly, analytics_cohort_monthly, analytics_velocity_campus_monthly,
    analytics_cohort_campus_monthly, analytics_value_daily,
    analytics_value_monthly, analytics_attribution_daily, analytics_lead_segments`);
}
