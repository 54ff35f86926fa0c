/**
 * Identity resolution (SPEC §4 "one person, one lead", ADR 010): leads sharing a phone, the
 * per-phone lock, duplicate flags, and the row moves of a merge and of its reversal.
 */
import { and, asc, eq, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Transaction } from '../client.js';
import {
  bookings,
  type LeadMergeMoves,
  leadDuplicates,
  leadMerges,
  leads,
  scoreLedger,
  touchpoints,
} from '../schema/index.js';
import type { TouchpointRow } from './touchpoints.js';

export type LeadMergeRow = typeof leadMerges.$inferSelect;

/**
 * Serialises identity resolution per phone number until the transaction ends
 * (`pg_advisory_xact_lock`): two registrations of one number at once resolve one after the other,
 * the second seeing the first's committed row, so they end in one merge or flag, not two.
 */
export async function lockPhone(tx: Transaction, phone: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`lead-phone:${phone}`}, 0))`);
}

/** Live leads (not erased, not merged) with this phone, oldest first, other than `exceptLeadId`. */
export function listLiveLeadsWithPhone(tx: Transaction, phone: string, exceptLeadId: string) {
  return tx
    .select({ id: leads.id, openid: leads.openid, phoneVerifiedAt: leads.phoneVerifiedAt, createdAt: leads.createdAt })
    .from(leads)
    .where(
      and(eq(leads.phone, phone), isNull(leads.erasedAt), isNull(leads.mergedIntoLeadId), ne(leads.id, exceptLeadId)),
    )
    .orderBy(asc(leads.createdAt), asc(leads.id));
}

/** Whether a manager reversed a merge of these two leads (either way round). */
export async function hasReversedMerge(tx: Transaction, a: string, b: string): Promise<boolean> {
  const rows = await tx
    .select({ id: leadMerges.id })
    .from(leadMerges)
    .where(
      and(
        sql`${leadMerges.reversedAt} is not null`,
        or(
          and(eq(leadMerges.survivorLeadId, a), eq(leadMerges.absorbedLeadId, b)),
          and(eq(leadMerges.survivorLeadId, b), eq(leadMerges.absorbedLeadId, a)),
        ),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Flags `leadId` as a possible duplicate of another lead; `false` when the pair was flagged before. */
export async function insertDuplicateFlag(
  tx: Transaction,
  input: { leadId: string; duplicateOfLeadId: string; reason: string; at: Date },
): Promise<boolean> {
  const rows = await tx
    .insert(leadDuplicates)
    .values({
      leadId: input.leadId,
      duplicateOfLeadId: input.duplicateOfLeadId,
      reason: input.reason,
      detectedAt: input.at,
    })
    .onConflictDoNothing()
    .returning({ id: leadDuplicates.id });
  return rows.length === 1;
}

/** Marks the flags between two leads resolved (they were merged). */
export async function resolveDuplicateFlags(tx: Transaction, a: string, b: string, at: Date): Promise<void> {
  await tx
    .update(leadDuplicates)
    .set({ resolvedAt: at })
    .where(
      and(
        isNull(leadDuplicates.resolvedAt),
        or(
          and(eq(leadDuplicates.leadId, a), eq(leadDuplicates.duplicateOfLeadId, b)),
          and(eq(leadDuplicates.leadId, b), eq(leadDuplicates.duplicateOfLeadId, a)),
        ),
      ),
    );
}

/** Removes these touchpoints from a lead and returns them as they were. */
export async function takeTouchpoints(
  tx: Transaction,
  leadId: string,
  ids: readonly string[],
): Promise<TouchpointRow[]> {
  if (ids.length === 0) return [];
  return tx
    .delete(touchpoints)
    .where(and(eq(touchpoints.leadId, leadId), inArray(touchpoints.id, [...ids])))
    .returning();
}

/** Puts touchpoint rows back as they were (a merge's reversal; no scoring: they were scored there). */
export async function restoreTouchpoints(tx: Transaction, rows: readonly TouchpointRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(touchpoints).values([...rows]);
}

/**
 * Moves bookings from one lead to another, except an active booking of a session the target
 * already holds (the partial unique index allows one per session and lead). Returns the moved ids.
 */
export async function moveBookings(
  tx: Transaction,
  input: { fromLeadId: string; toLeadId: string; onlyIds?: readonly string[] },
): Promise<string[]> {
  if (input.onlyIds?.length === 0) return [];
  const heldSessions = tx
    .select({ sessionId: bookings.sessionId })
    .from(bookings)
    .where(and(eq(bookings.leadId, input.toLeadId), ne(bookings.status, 'cancelled')));
  const rows = await tx
    .update(bookings)
    .set({ leadId: input.toLeadId })
    .where(
      and(
        eq(bookings.leadId, input.fromLeadId),
        input.onlyIds ? inArray(bookings.id, [...input.onlyIds]) : undefined,
        or(eq(bookings.status, 'cancelled'), notInArray(bookings.sessionId, heldSessions)),
      ),
    )
    .returning({ id: bookings.id });
  return rows.map((r) => r.id);
}

export async function insertLeadMerge(
  tx: Transaction,
  input: {
    survivorLeadId: string;
    absorbedLeadId: string;
    cause: string;
    reason: string;
    moved: LeadMergeMoves;
    at: Date;
  },
): Promise<LeadMergeRow> {
  const [row] = await tx
    .insert(leadMerges)
    .values({
      survivorLeadId: input.survivorLeadId,
      absorbedLeadId: input.absorbedLeadId,
      cause: input.cause,
      reason: input.reason,
      moved: input.moved,
      mergedAt: input.at,
    })
    .returning();
  if (!row) throw new Error('lead merge insert returned nothing');
  return row;
}

export async function lockLeadMerge(tx: Transaction, mergeId: string): Promise<LeadMergeRow | null> {
  const [row] = await tx.select().from(leadMerges).where(eq(leadMerges.id, mergeId)).for('update');
  return row ?? null;
}

export async function markLeadMergeReversed(
  tx: Transaction,
  input: { mergeId: string; advisorId: string | null; at: Date },
): Promise<void> {
  await tx
    .update(leadMerges)
    .set({ reversedAt: input.at, reversedByAdvisorId: input.advisorId })
    .where(eq(leadMerges.id, input.mergeId));
}

/** Drops a lead's ledger rows for these signals (a reversed merge's points no longer apply). */
export async function deleteLedgerOfSignals(tx: Transaction, leadId: string, signalIds: readonly string[]) {
  if (signalIds.length === 0) return;
  await tx
    .delete(scoreLedger)
    .where(and(eq(scoreLedger.leadId, leadId), inArray(scoreLedger.signalId, [...signalIds])));
}
