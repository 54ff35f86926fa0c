/**
 * A lead's stored score against a clean replay of its stored touchpoints (SPEC §2.3: the
 * incremental state equals a recompute). Used where rows move between leads (merges) and where a
 * server is killed mid-ingest (the fault suite): whatever happened, the stored score must be what
 * the stored history says.
 */
import { buildScoreState, DEFAULT_SCORING_MODEL, type ScoreState, scoreLead, scoreStateSchema } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import type { Database } from '../../server/db/client.js';
import { listLeadTouchpoints } from '../../server/db/queries/touchpoints.js';
import { leads } from '../../server/db/schema/index.js';
import { toLeadProfile } from '../../server/services/leads/lead-domain-state.js';
import { toTouchpointEvent } from '../../server/services/leads/rebuild-score-state.js';

/** The stored and the replayed total at `now`, and the ids the stored state counts vs the replay's. */
export async function replayLeadScore(db: Database, leadId: string, now: Date) {
  const [row] = await db.select().from(leads).where(eq(leads.id, leadId));
  if (!row) throw new Error(`no lead ${leadId}`);
  const model = DEFAULT_SCORING_MODEL;
  const rows = await db.transaction((tx) => listLeadTouchpoints(tx, leadId));
  const events = rows.map(toTouchpointEvent).filter((e) => e !== null);
  const replayed = buildScoreState(events, model);
  const stored = scoreStateSchema.parse(row.scoreState);
  const profile = toLeadProfile(row);
  const total = (state: typeof stored) => scoreLead({ profile, state, model, now }).total;
  return {
    stored: total(stored),
    replayed: total(replayed),
    storedDays: daysOf(stored),
    replayedDays: daysOf(replayed),
  };
}

/** The counted signals per rule and day: equal exactly when the states are (the sums only closely). */
function daysOf(state: ScoreState) {
  return Object.fromEntries(Object.entries(state.rules).map(([ruleId, rule]) => [ruleId, rule.days]));
}
