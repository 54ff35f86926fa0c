/**
 * Rescores every lead under a newly active model (issue 15 §4, SPEC §2.3 "changing the model
 * rescores everyone", ADR 019), outside the request that switched it: `/api/cron/scoring` (and
 * `npm start`'s timer) run keyset batches by lead id until their time is up.
 *
 * Each batch is one transaction that locks the rescoring row, locks its leads, rebuilds their
 * score states from the stored touchpoints, writes them in one statement and moves the cursor:
 * a batch is committed whole with its progress or not at all, so a killed run resumes at the
 * first lead not yet rescored. Ingest locks a lead's row too and reads the active model in the
 * same statement, so a lead written to meanwhile is rescored either before its new signals (which
 * then apply to the new state) or after them (rebuilt with them), never half-way.
 */
import { buildScoreState, parseScoringModel, type RescoringProgress, scoreLead } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Transaction } from '../../db/client.js';
import { listTouchpointsOfLeads, lockLeadBatch } from '../../db/queries/scoring-models.js';
import {
  advanceRescore,
  findRunningRescore,
  finishRescore,
  lockRunningRescore,
  type RescoredLead,
  type RescoreRow,
  recordRescoreFailure,
  writeRescoredLeads,
} from '../../db/queries/scoring-rescores.js';
import { toLeadProfile } from '../leads/lead-domain-state.js';
import { toTouchpointEvent } from '../leads/rebuild-score-state.js';

/** Under Vercel's 60 s function limit with room for the last batch. */
export const RESCORE_BUDGET_MS = 45_000;

type Ctx = Pick<AppContext, 'db' | 'now' | 'logger' | 'env'>;

export type RescoreRun = {
  stoppedBy: 'finished' | 'budget' | 'max_batches' | 'idle' | 'busy' | 'error';
  batches: number;
  rescored: number;
  rescoring: RescoringProgress | null;
};

export function toRescoringProgress(row: RescoreRow): RescoringProgress {
  return {
    version: row.version,
    kind: row.kind,
    status: row.finishedAt ? 'finished' : 'running',
    done: row.done,
    total: row.total,
    batches: row.batches,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    failedBatches: row.failedBatches,
    lastError: row.lastError,
  };
}

/** `null`: no rescoring to lock. A short batch is the last one: it finishes the rescoring too. */
type BatchOutcome = { row: RescoreRow; count: number } | null;

/** One batch: the rescoring row, then the leads after its cursor, all locked in one transaction. */
async function rescoreNextBatch(tx: Transaction, input: { batchSize: number; now: Date }): Promise<BatchOutcome> {
  const running = await lockRunningRescore(tx);
  if (!running) return null;
  const { rescore } = running;
  const model = parseScoringModel(running.document);
  const rows = await lockLeadBatch(tx, rescore.cursor, input.batchSize);
  const last = rows.at(-1);
  if (!last) return { row: await finishRescore(tx, rescore, input.now), count: 0 };
  const history = await listTouchpointsOfLeads(
    tx,
    rows.map((r) => r.id),
  );
  const rescored = rows.map((row): RescoredLead => {
    const events = (history.get(row.id) ?? []).map(toTouchpointEvent).filter((e) => e !== null);
    const state = buildScoreState(events, model);
    const score = scoreLead({ profile: toLeadProfile(row), state, model, now: input.now });
    return {
      id: row.id,
      scoreState: state,
      scoreTotal: score.total,
      scoreFit: score.fit,
      scoreEngagement: score.engagement,
    };
  });
  await writeRescoredLeads(tx, { rows: rescored, version: model.version, now: input.now });
  const row = await advanceRescore(tx, { id: rescore.id, cursor: last.id, count: rows.length, now: input.now });
  const isLast = rows.length < input.batchSize;
  return { row: isLast ? await finishRescore(tx, row, input.now) : row, count: rows.length };
}

/**
 * The database's own words for a failed batch: drizzle wraps them in "Failed query: …" with the
 * batch's parameters, which hold score states and have no place in a log line or on the page.
 */
function describeFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Runs batches of the running rescoring until it finishes, `budgetMs` has passed or `maxBatches`
 * ran. A failed batch is rolled back, counted on the rescoring row and left for the next run.
 */
export async function runRescoring(
  ctx: Ctx,
  options: { budgetMs?: number; maxBatches?: number } = {},
): Promise<RescoreRun> {
  const { budgetMs = RESCORE_BUDGET_MS, maxBatches = Number.POSITIVE_INFINITY } = options;
  const startedAt = performance.now();
  let batches = 0;
  let rescored = 0;
  let latest: RescoreRow | null = null;
  const result = (stoppedBy: RescoreRun['stoppedBy']): RescoreRun => ({
    stoppedBy,
    batches,
    rescored,
    rescoring: latest ? toRescoringProgress(latest) : null,
  });
  for (;;) {
    if (batches >= maxBatches) return result('max_batches');
    if (performance.now() - startedAt >= budgetMs) return result('budget');
    let outcome: BatchOutcome;
    try {
      outcome = await ctx.db.transaction((tx) =>
        rescoreNextBatch(tx, { batchSize: ctx.env.RESCORE_BATCH_SIZE, now: ctx.now() }),
      );
    } catch (error) {
      const message = describeFailure(error);
      ctx.logger.warn('rescoring batch failed; the next run retries it', { error: message });
      const running = latest ?? (await findRunningRescore(ctx.db));
      if (running) latest = await recordRescoreFailure(ctx.db, { id: running.id, message, now: ctx.now() });
      return result('error');
    }
    if (outcome === null) {
      if (batches > 0) return result('finished');
      // Nothing locked: either nothing runs, or another run holds the rescoring row right now.
      latest = await findRunningRescore(ctx.db);
      return result(latest ? 'busy' : 'idle');
    }
    latest = outcome.row;
    if (outcome.count > 0) batches += 1;
    rescored += outcome.count;
    if (latest.finishedAt) {
      ctx.logger.info('rescoring finished', { version: latest.version, rescored: latest.done });
      return result('finished');
    }
  }
}
