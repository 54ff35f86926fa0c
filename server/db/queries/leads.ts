/**
 * Lead queries used when a lead moves (SPEC §2.2, §2.3): the row lock, the stored progress and
 * the append-only history (stage transitions, score ledger).
 */
import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { leads, scoreLedger, scoringModels, stageTransitions } from '../schema/index.js';

export type LeadRow = typeof leads.$inferSelect;
export type LeadUpdate = Partial<typeof leads.$inferInsert>;
export type StageTransitionInsert = typeof stageTransitions.$inferInsert;
export type ScoreLedgerInsert = typeof scoreLedger.$inferInsert;

/** The active scoring model's document (`null`: none activated), as a scalar subquery. */
export const activeScoringModelDocument = () =>
  sql<unknown | null>`(select ${scoringModels.document} from ${scoringModels} where ${scoringModels.isActive})`;

/**
 * The lead's row, locked until the transaction ends (`SELECT … FOR UPDATE OF leads`), so two
 * batches for the same lead apply one after the other, each to the state the other left; with
 * the active scoring model's document (`null`: none activated) read in the same round trip.
 */
export async function lockLead(
  tx: Transaction,
  leadId: string,
): Promise<{ lead: LeadRow; activeModelDocument: unknown | null } | null> {
  const [row] = await tx
    .select({
      lead: leads,
      activeModelDocument: activeScoringModelDocument(),
    })
    .from(leads)
    .where(eq(leads.id, leadId))
    .for('update', { of: leads });
  return row ?? null;
}

/**
 * Writes the lead's new progress and its history rows in one statement (the batch path's second
 * round trip, issue 12): the history inserts ride as data-modifying CTEs of the lead's UPDATE. The
 * caller holds the row lock, so the stored row is the locked one with the update applied; only
 * the generated column comes back rather than the whole row with its state documents.
 */
export async function saveLeadProgress(
  tx: Transaction,
  input: { lead: LeadRow; update: LeadUpdate; transitions: StageTransitionInsert[]; ledger: ScoreLedgerInsert[] },
): Promise<LeadRow> {
  const history = [
    ...(input.transitions.length > 0
      ? [tx.$with('new_transitions').as(tx.insert(stageTransitions).values(input.transitions))]
      : []),
    ...(input.ledger.length > 0 ? [tx.$with('new_ledger').as(tx.insert(scoreLedger).values(input.ledger))] : []),
  ];
  const [row] = await tx
    .with(...history)
    .update(leads)
    .set(input.update)
    .where(eq(leads.id, input.lead.id))
    .returning({ rankActivityAt: leads.rankActivityAt });
  if (!row) throw new Error(`lead ${input.lead.id} vanished while locked`);
  return { ...input.lead, ...input.update, rankActivityAt: row.rankActivityAt } as LeadRow;
}

/** The active scoring model's document, or `null` when none was activated (the default applies). */
export async function findActiveScoringModelDocument(tx: Transaction): Promise<unknown | null> {
  const [row] = await tx
    .select({ document: scoringModels.document })
    .from(scoringModels)
    .where(eq(scoringModels.isActive, true));
  return row?.document ?? null;
}

export type LeadInsert = typeof leads.$inferInsert;

export async function findLeadById(db: Transaction | Database, leadId: string): Promise<LeadRow | null> {
  const [row] = await db.select().from(leads).where(eq(leads.id, leadId));
  return row ?? null;
}

/**
 * The lead with this openid, created with its first stage transition when it does not exist.
 * `ON CONFLICT DO NOTHING` then a read makes two simultaneous first logins end on one lead.
 */
export async function findOrCreateLeadByOpenid(
  tx: Transaction,
  input: { lead: LeadInsert & { openid: string }; firstTransition: Omit<StageTransitionInsert, 'leadId'> },
): Promise<{ lead: LeadRow; isNew: boolean }> {
  const [created] = await tx.insert(leads).values(input.lead).onConflictDoNothing({ target: leads.openid }).returning();
  if (created) {
    await tx.insert(stageTransitions).values({ ...input.firstTransition, leadId: created.id });
    return { lead: created, isNew: true };
  }
  const [existing] = await tx.select().from(leads).where(eq(leads.openid, input.lead.openid));
  if (!existing) throw new Error(`lead with openid ${input.lead.openid} vanished`);
  return { lead: existing, isNew: false };
}

/** Writes profile and contact columns of a locked lead (registration, phone binding, erasure). */
export async function updateLead(tx: Transaction, leadId: string, update: LeadUpdate): Promise<LeadRow> {
  const [row] = await tx.update(leads).set(update).where(eq(leads.id, leadId)).returning();
  if (!row) throw new Error(`lead ${leadId} vanished while locked`);
  return row;
}
