/**
 * The rescoring after a model switch (issue 15 §4, ADR 019): its progress row, and one keyset
 * batch of leads written back in a single statement.
 */
import { count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { leads, scoringModels, scoringRescores } from '../schema/index.js';

export type RescoreRow = typeof scoringRescores.$inferSelect;
export type RescoreInsert = typeof scoringRescores.$inferInsert;

/** The latest rescoring, running or finished (the page's progress line). */
export async function findLatestRescore(db: Database | Transaction): Promise<RescoreRow | null> {
  const [row] = await db.select().from(scoringRescores).orderBy(desc(scoringRescores.seq)).limit(1);
  return row ?? null;
}

export async function findRunningRescore(db: Database | Transaction): Promise<RescoreRow | null> {
  const [row] = await db.select().from(scoringRescores).where(isNull(scoringRescores.finishedAt));
  return row ?? null;
}

export async function insertRescore(tx: Transaction, row: RescoreInsert): Promise<RescoreRow> {
  const [inserted] = await tx.insert(scoringRescores).values(row).returning();
  if (!inserted) throw new Error('the rescoring row was not inserted');
  return inserted;
}

/**
 * The running rescoring with its model document, locked until the transaction ends; null when
 * none runs or another run holds it (`SKIP LOCKED`: a second cron run returns at once instead of
 * queueing behind the first).
 */
export async function lockRunningRescore(
  tx: Transaction,
): Promise<{ rescore: RescoreRow; document: Record<string, unknown> } | null> {
  const [row] = await tx
    .select({ rescore: scoringRescores, document: scoringModels.document })
    .from(scoringRescores)
    .innerJoin(scoringModels, eq(scoringModels.version, scoringRescores.version))
    .where(isNull(scoringRescores.finishedAt))
    .limit(1)
    .for('update', { of: scoringRescores, skipLocked: true });
  return row ?? null;
}

/** Records a committed batch: the cursor moves past its last lead. */
export async function advanceRescore(
  tx: Transaction,
  input: { id: string; cursor: string; count: number; now: Date },
): Promise<RescoreRow> {
  const [row] = await tx
    .update(scoringRescores)
    .set({
      cursor: input.cursor,
      done: sql`${scoringRescores.done} + ${input.count}`,
      // Leads created after the switch are met too: the total grows rather than being overtaken.
      total: sql`greatest(${scoringRescores.total}, ${scoringRescores.done} + ${input.count})`,
      batches: sql`${scoringRescores.batches} + 1`,
      updatedAt: input.now,
    })
    .where(eq(scoringRescores.id, input.id))
    .returning();
  if (!row) throw new Error(`rescoring ${input.id} vanished while locked`);
  return row;
}

/** Ends the rescoring, and stamps its model as rescored. */
export async function finishRescore(tx: Transaction, rescore: RescoreRow, now: Date): Promise<RescoreRow> {
  const [row] = await tx
    .update(scoringRescores)
    .set({ finishedAt: now, updatedAt: now, total: sql`${scoringRescores.done}` })
    .where(eq(scoringRescores.id, rescore.id))
    .returning();
  await tx.update(scoringModels).set({ rescoredAt: now }).where(eq(scoringModels.version, rescore.version));
  if (!row) throw new Error(`rescoring ${rescore.id} vanished while locked`);
  return row;
}

/** A batch failed and was rolled back: counted, with its error, outside the failed transaction. */
export async function recordRescoreFailure(
  db: Database,
  input: { id: string; message: string; now: Date },
): Promise<RescoreRow | null> {
  const [row] = await db
    .update(scoringRescores)
    .set({
      failedBatches: sql`${scoringRescores.failedBatches} + 1`,
      lastError: input.message.slice(0, 500),
      updatedAt: input.now,
    })
    .where(eq(scoringRescores.id, input.id))
    .returning();
  return row ?? null;
}

/** Live leads (not merged into another): what a rescoring walks. */
export async function countLiveLeads(db: Database | Transaction): Promise<number> {
  const [row] = await db.select({ n: count() }).from(leads).where(isNull(leads.mergedIntoLeadId));
  return row?.n ?? 0;
}

export type RescoredLead = {
  id: string;
  scoreState: Record<string, unknown>;
  scoreTotal: number;
  scoreFit: number;
  scoreEngagement: number;
};

/**
 * Writes a batch's new scores in one UPDATE joined to the batch as a JSON record set: one round
 * trip per batch rather than one per lead. The caller holds the rows' locks.
 */
export async function writeRescoredLeads(
  tx: Transaction,
  input: { rows: readonly RescoredLead[]; version: number; now: Date },
): Promise<number> {
  if (input.rows.length === 0) return 0;
  const records = JSON.stringify(
    input.rows.map((r) => ({
      id: r.id,
      score_state: r.scoreState,
      score_total: r.scoreTotal,
      score_fit: r.scoreFit,
      score_engagement: r.scoreEngagement,
    })),
  );
  const updated = await tx
    .update(leads)
    .set({
      scoreState: sql`v.score_state`,
      scoreTotal: sql`v.score_total`,
      scoreFit: sql`v.score_fit`,
      scoreEngagement: sql`v.score_engagement`,
      scoringModelVersion: input.version,
      scoredAt: input.now,
    })
    .from(
      sql`jsonb_to_recordset(${records}::jsonb) as v(id uuid, score_state jsonb, score_total real, score_fit real, score_engagement real)`,
    )
    .where(eq(leads.id, sql`v.id`))
    .returning({ id: leads.id });
  return updated.length;
}
