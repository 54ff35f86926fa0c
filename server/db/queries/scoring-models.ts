/**
 * The stored scoring-model versions (issue 15 §4): every version is kept, at most one is active,
 * and the active one names the version a roll back returns to. Also the leads with an outcome,
 * for fitting a candidate from the institution's own history.
 */
import { and, asc, desc, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { leads, scoringModels, touchpoints } from '../schema/index.js';
import type { LeadRow } from './leads.js';
import type { TouchpointRow } from './touchpoints.js';

export type ScoringModelRow = typeof scoringModels.$inferSelect;
export type ScoringModelInsert = typeof scoringModels.$inferInsert;

export async function listScoringModelRows(db: Database | Transaction): Promise<ScoringModelRow[]> {
  return db.select().from(scoringModels).orderBy(desc(scoringModels.version));
}

export async function findScoringModelRow(
  db: Database | Transaction,
  version: number,
): Promise<ScoringModelRow | null> {
  const [row] = await db.select().from(scoringModels).where(eq(scoringModels.version, version));
  return row ?? null;
}

export async function findHighestModelVersion(db: Database | Transaction): Promise<number> {
  const [row] = await db.select({ version: max(scoringModels.version) }).from(scoringModels);
  return row?.version ?? 0;
}

export async function insertScoringModelRow(tx: Transaction, row: ScoringModelInsert): Promise<ScoringModelRow> {
  const [inserted] = await tx.insert(scoringModels).values(row).returning();
  if (!inserted) throw new Error(`scoring model v${row.version} was not inserted`);
  return inserted;
}

/**
 * Makes `version` the active one. The old active row is cleared first: the partial unique index
 * allows one `is_active` row at any moment, also inside the transaction.
 */
export async function switchActiveModel(
  tx: Transaction,
  input: { version: number; previousVersion: number | null | undefined; now: Date },
): Promise<ScoringModelRow> {
  await tx.update(scoringModels).set({ isActive: false }).where(eq(scoringModels.isActive, true));
  const [row] = await tx
    .update(scoringModels)
    .set({
      isActive: true,
      activatedAt: input.now,
      ...(input.previousVersion === undefined ? {} : { previousVersion: input.previousVersion }),
    })
    .where(eq(scoringModels.version, input.version))
    .returning();
  if (!row) throw new Error(`scoring model v${input.version} vanished`);
  return row;
}

/** A lead with what may be its outcome: the first enrolment, the first return, dormancy. */
export type OutcomeLeadRow = { lead: LeadRow; enrolledAt: Date | null; returnedAt: Date | null };

/**
 * Live leads that enrolled, were returned by an advisor, or went dormant (shared/model-fit
 * `classifyLeadOutcome` decides which count): one query, the outcomes as correlated minima.
 */
export async function listOutcomeLeads(db: Database | Transaction): Promise<OutcomeLeadRow[]> {
  // Spelled out with aliases: drizzle writes a column in a raw fragment without its table, and
  // inside the subquery an unqualified "id" would be the subquery's own.
  const enrolledAt = sql<Date | null>`(select min(e.created_at) from enrolments e where e.lead_id = "leads"."id")`;
  const returnedAt = sql<Date | null>`(select min(a.at) from staff_actions a where a.lead_id = "leads"."id" and a.kind = 'return')`;
  const rows = await db
    .select({ lead: leads, enrolledAt, returnedAt })
    .from(leads)
    .where(
      and(
        isNull(leads.mergedIntoLeadId),
        isNull(leads.erasedAt),
        sql`(${leads.lifecycleStage} = 'dormant' or ${enrolledAt} is not null or ${returnedAt} is not null)`,
      ),
    )
    .orderBy(asc(leads.id));
  // Correlated timestamps come back as strings from some drivers: one type for the caller.
  const toDate = (v: Date | string | null) => (v === null ? null : new Date(v));
  return rows.map((r) => ({ lead: r.lead, enrolledAt: toDate(r.enrolledAt), returnedAt: toDate(r.returnedAt) }));
}

/**
 * How many live leads have an outcome, counted in the database (the page shows it on every visit):
 * enrolled ones, and the others returned or dormant, as `classifyLeadOutcome` sorts them.
 */
export async function countOutcomeLeads(db: Database | Transaction): Promise<{ positives: number; negatives: number }> {
  const enrolled = sql`exists (select 1 from enrolments e where e.lead_id = "leads"."id")`;
  const lost = sql`(${leads.lifecycleStage} = 'dormant' or exists (select 1 from staff_actions a where a.lead_id = "leads"."id" and a.kind = 'return'))`;
  const [row] = await db
    .select({
      positives: sql<number>`count(*) filter (where ${enrolled})`.mapWith(Number),
      negatives: sql<number>`count(*) filter (where not ${enrolled} and ${lost})`.mapWith(Number),
    })
    .from(leads)
    .where(and(isNull(leads.mergedIntoLeadId), isNull(leads.erasedAt)));
  return { positives: row?.positives ?? 0, negatives: row?.negatives ?? 0 };
}

/** The touchpoints of many leads in time order, grouped by lead. */
export async function listTouchpointsOfLeads(
  db: Database | Transaction,
  leadIds: readonly string[],
): Promise<Map<string, TouchpointRow[]>> {
  const byLead = new Map<string, TouchpointRow[]>(leadIds.map((id) => [id, []]));
  for (let start = 0; start < leadIds.length; start += 500) {
    const chunk = leadIds.slice(start, start + 500);
    const rows = await db
      .select()
      .from(touchpoints)
      .where(inArray(touchpoints.leadId, chunk))
      .orderBy(asc(touchpoints.occurredAt), asc(touchpoints.id));
    for (const row of rows) byLead.get(row.leadId)?.push(row);
  }
  return byLead;
}

/** One keyset batch of live leads after `afterId`, locked until the transaction ends. */
export async function lockLeadBatch(tx: Transaction, afterId: string | null, size: number): Promise<LeadRow[]> {
  return tx
    .select()
    .from(leads)
    .where(and(isNull(leads.mergedIntoLeadId), afterId === null ? undefined : gt(leads.id, afterId)))
    .orderBy(asc(leads.id))
    .limit(size)
    .for('update');
}
