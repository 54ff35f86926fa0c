/**
 * Rescores every lead under a newly active model (issue 15 §4, SPEC §2.3 "changing the model
 * rescores everyone"): keyset batches by lead id, each batch its own short transaction with its
 * rows locked, so no transaction holds the whole table and a lead touched meanwhile is either
 * rescored before its new signals or after them, never half-way. The score state is rebuilt from
 * the stored touchpoints, as `recordLeadSignals` does when it meets a state of another version.
 */
import { buildScoreState, type ScoringModel, scoreLead } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { listTouchpointsOfLeads, lockLeadBatch } from '../../db/queries/scoring-models.js';
import { leads } from '../../db/schema/index.js';
import { toLeadProfile } from '../leads/lead-domain-state.js';
import { toTouchpointEvent } from '../leads/rebuild-score-state.js';

export const RESCORE_BATCH_SIZE = 200;

export async function rescoreAllLeads(
  db: Database,
  input: { model: ScoringModel; now: Date; batchSize?: number },
): Promise<{ rescored: number; batches: number }> {
  const { model, now, batchSize = RESCORE_BATCH_SIZE } = input;
  let afterId: string | null = null;
  let rescored = 0;
  let batches = 0;
  for (;;) {
    const from: string | null = afterId;
    const batch = await db.transaction(async (tx) => {
      const rows = await lockLeadBatch(tx, from, batchSize);
      if (rows.length === 0) return null;
      const history = await listTouchpointsOfLeads(
        tx,
        rows.map((r) => r.id),
      );
      for (const row of rows) {
        const events = (history.get(row.id) ?? []).map(toTouchpointEvent).filter((e) => e !== null);
        const state = buildScoreState(events, model);
        const score = scoreLead({ profile: toLeadProfile(row), state, model, now });
        await tx
          .update(leads)
          .set({
            scoreState: state,
            scoreTotal: score.total,
            scoreFit: score.fit,
            scoreEngagement: score.engagement,
            scoringModelVersion: model.version,
            scoredAt: now,
          })
          .where(eq(leads.id, row.id));
      }
      return { lastId: rows.at(-1)?.id ?? null, count: rows.length };
    });
    if (batch === null) break;
    batches += 1;
    rescored += batch.count;
    afterId = batch.lastId;
  }
  return { rescored, batches };
}
