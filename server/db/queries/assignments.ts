/**
 * Who holds which lead (SPEC §2.4, issue 9 §2): the round-robin cursors, advisors' loads, the
 * assignment periods with their accept SLA, and the overdue sweep. Callers hold the lead's row
 * lock (`lockLead`) before any of these, so one lead's ownership changes one at a time.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { leadAssignments, leads, routingCursors, staffActions, staffNotifications } from '../schema/index.js';

type Db = Database | Transaction;

/** Stages whose leads no longer count against an advisor's capacity: the sale is done or asleep. */
export const CLOSED_STAGES = ['customer', 'advocate', 'dormant'] as const;

/**
 * The cursor rows of `keys`, created when missing and locked (`SELECT … FOR UPDATE`), so two
 * assignments in one pool take turns and never pick the same advisor off the same cursor.
 */
export async function lockRoutingCursors(tx: Transaction, keys: readonly string[]): Promise<Record<string, string>> {
  if (keys.length === 0) return {};
  const sorted = [...new Set(keys)].sort();
  await tx
    .insert(routingCursors)
    .values(sorted.map((key) => ({ key })))
    .onConflictDoNothing({ target: routingCursors.key });
  const rows = await tx
    .select({ key: routingCursors.key, lastAdvisorId: routingCursors.lastAdvisorId })
    .from(routingCursors)
    .where(inArray(routingCursors.key, sorted))
    .orderBy(asc(routingCursors.key))
    .for('update');
  return Object.fromEntries(rows.filter((r) => r.lastAdvisorId).map((r) => [r.key, r.lastAdvisorId as string]));
}

export async function saveRoutingCursors(tx: Transaction, cursor: Record<string, string>, now: Date): Promise<void> {
  for (const [key, lastAdvisorId] of Object.entries(cursor).sort(([a], [b]) => (a < b ? -1 : 1))) {
    await tx
      .update(routingCursors)
      .set({ lastAdvisorId, position: sql`${routingCursors.position} + 1`, updatedAt: now })
      .where(eq(routingCursors.key, key));
  }
}

/** Open leads (owned, not closed, not erased) per advisor: what capacity counts. */
export async function countOpenLeads(db: Db, advisorIds: readonly string[]): Promise<Map<string, number>> {
  if (advisorIds.length === 0) return new Map();
  const rows = await db
    .select({ advisorId: leads.ownerAdvisorId, count: sql<number>`count(*)::int` })
    .from(leads)
    .where(
      and(
        inArray(leads.ownerAdvisorId, [...advisorIds]),
        notInArray(leads.lifecycleStage, [...CLOSED_STAGES]),
        isNull(leads.erasedAt),
      ),
    )
    .groupBy(leads.ownerAdvisorId);
  return new Map(rows.map((r) => [r.advisorId as string, r.count]));
}

/** Advisors to keep this lead away from: whoever returned it, and whoever let its accept lapse. */
export async function listExcludedAdvisors(db: Db, leadId: string): Promise<string[]> {
  const returned = await db
    .selectDistinct({ id: staffActions.staffId })
    .from(staffActions)
    .where(and(eq(staffActions.leadId, leadId), eq(staffActions.kind, 'return')));
  const missed = await db
    .selectDistinct({ id: leadAssignments.advisorId })
    .from(leadAssignments)
    .where(and(eq(leadAssignments.leadId, leadId), eq(leadAssignments.endReason, 'sla_missed')));
  return [...new Set([...returned, ...missed].map((r) => r.id))];
}

export type AssignmentInsert = typeof leadAssignments.$inferInsert;
export type AssignmentEndReason = NonNullable<AssignmentInsert['endReason']>;

export async function insertAssignment(tx: Transaction, row: AssignmentInsert): Promise<void> {
  await tx.insert(leadAssignments).values(row);
}

/** Ends the lead's open assignment period, if any. */
export async function closeOpenAssignment(
  tx: Transaction,
  leadId: string,
  endReason: AssignmentEndReason,
  at: Date,
): Promise<void> {
  await tx
    .update(leadAssignments)
    .set({ endedAt: at, endReason })
    .where(and(eq(leadAssignments.leadId, leadId), isNull(leadAssignments.endedAt)));
}

export async function markOpenAssignmentAccepted(tx: Transaction, leadId: string, at: Date): Promise<void> {
  await tx
    .update(leadAssignments)
    .set({ acceptedAt: at })
    .where(and(eq(leadAssignments.leadId, leadId), isNull(leadAssignments.endedAt)));
}

/** Leads `advisorId` holds without having accepted them (issue 9 §4 "cap on held leads"). */
export async function countHeldLeads(db: Db, advisorId: string): Promise<number> {
  return db.$count(
    leads,
    and(eq(leads.ownerAdvisorId, advisorId), isNull(leads.ownerAcceptedAt), isNull(leads.erasedAt)),
  );
}

/** Pool leads `advisorId` claimed since `since` (the daily claim limit counts from local midnight). */
export async function countClaimsSince(db: Db, advisorId: string, since: Date): Promise<number> {
  return db.$count(
    leadAssignments,
    and(
      eq(leadAssignments.advisorId, advisorId),
      eq(leadAssignments.kind, 'claimed'),
      gte(leadAssignments.assignedAt, since),
    ),
  );
}

/**
 * Up to `limit` leads whose accept is overdue at `now`, locked, skipping rows another transaction
 * holds (`FOR UPDATE SKIP LOCKED`): an accept in progress wins, and overlapping sweeps split the
 * work instead of waiting for each other.
 */
export async function lockOverdueLeads(
  tx: Transaction,
  now: Date,
  limit: number,
): Promise<{ id: string; ownerAdvisorId: string }[]> {
  const rows = await tx
    .select({ id: leads.id, ownerAdvisorId: leads.ownerAdvisorId })
    .from(leads)
    .where(
      and(
        lt(leads.slaDueAt, now),
        isNotNull(leads.ownerAdvisorId),
        isNull(leads.ownerAcceptedAt),
        isNull(leads.erasedAt),
      ),
    )
    .orderBy(asc(leads.slaDueAt))
    .limit(limit)
    .for('update', { of: leads, skipLocked: true });
  return rows.flatMap((r) => (r.ownerAdvisorId ? [{ id: r.id, ownerAdvisorId: r.ownerAdvisorId }] : []));
}

export async function setLeadSlaDue(tx: Transaction, leadId: string, slaDueAt: Date | null): Promise<void> {
  await tx.update(leads).set({ slaDueAt }).where(eq(leads.id, leadId));
}

export async function insertStaffNotification(
  tx: Transaction,
  row: typeof staffNotifications.$inferInsert,
): Promise<void> {
  await tx.insert(staffNotifications).values(row).onConflictDoNothing();
}

/** An advisor's accepted open leads and their held leads past the accept-by time (the workbench header). */
export async function countOwnLeadLoads(
  db: Db,
  advisorId: string,
  now: Date,
): Promise<{ open: number; overdue: number }> {
  const mine = and(eq(leads.ownerAdvisorId, advisorId), isNull(leads.erasedAt));
  const [open, overdue] = await Promise.all([
    db.$count(leads, and(mine, isNotNull(leads.ownerAcceptedAt), notInArray(leads.lifecycleStage, [...CLOSED_STAGES]))),
    db.$count(leads, and(mine, isNull(leads.ownerAcceptedAt), lt(leads.slaDueAt, now))),
  ]);
  return { open, overdue };
}
