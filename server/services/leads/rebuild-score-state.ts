/**
 * Rebuilds a lead's score state from its stored touchpoints (SPEC §2.3 "changing the model
 * rescores everyone"): the incremental state equals a recompute, so a new model version only
 * needs the history replayed once per lead, when the lead is next touched or by a rescoring job.
 */
import { buildScoreState, type ScoreState, type ScoringModel, touchpointEventSchema } from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import { listLeadTouchpoints, type TouchpointRow } from '../../db/queries/touchpoints.js';

/** A stored row as the event it was; rows that no longer parse (an old wire shape) are skipped. */
export function toTouchpointEvent(row: TouchpointRow) {
  const parsed = touchpointEventSchema.safeParse({
    id: row.id,
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    channel: row.channel ?? undefined,
    campaignId: row.campaignId ?? undefined,
    contentId: row.contentId ?? undefined,
    referrer: row.referrer ?? undefined,
    props: row.props,
  });
  return parsed.success ? parsed.data : null;
}

export async function rebuildScoreState(
  tx: Transaction,
  options: { leadId: string; model: ScoringModel; exclude: { has(id: string): boolean } },
): Promise<ScoreState> {
  const rows = await listLeadTouchpoints(tx, options.leadId);
  const events = rows.filter((r) => !options.exclude.has(r.id)).map(toTouchpointEvent);
  return buildScoreState(
    events.filter((e) => e !== null),
    options.model,
  );
}
