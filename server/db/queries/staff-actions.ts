/**
 * Staff actions keyed by the client's request id (issue 9 §4 "idempotent on retry"). The insert
 * is `ON CONFLICT DO NOTHING`: of two copies of one request, the second (waiting on the lead's
 * row lock, then on the primary key) finds the first's row and answers as a replay.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { type StaffActionKind, staffActions, staffAuditLog } from '../schema/index.js';

export type StaffActionRow = typeof staffActions.$inferSelect;

export async function findStaffAction(db: Database | Transaction, id: string): Promise<StaffActionRow | null> {
  const [row] = await db.select().from(staffActions).where(eq(staffActions.id, id));
  return row ?? null;
}

/** Records the action; `false` when a row with this id exists already (a retry). */
export async function insertStaffAction(
  tx: Transaction,
  row: {
    id: string;
    staffId: string;
    leadId: string | null;
    kind: StaffActionKind;
    payload: Record<string, unknown>;
    at: Date;
  },
): Promise<boolean> {
  const inserted = await tx.insert(staffActions).values(row).onConflictDoNothing().returning({ id: staffActions.id });
  return inserted.length === 1;
}

export function listLeadActions(db: Database | Transaction, leadId: string, kind: StaffActionKind) {
  return db
    .select()
    .from(staffActions)
    .where(and(eq(staffActions.leadId, leadId), eq(staffActions.kind, kind)))
    .orderBy(asc(staffActions.at));
}

export async function insertAuditEntry(
  db: Database | Transaction,
  row: typeof staffAuditLog.$inferInsert,
): Promise<void> {
  await db.insert(staffAuditLog).values(row);
}

/** Keeps a batch action's answer with it, so a retry answers the same (reassign, transfer). */
export async function saveStaffActionPayload(
  tx: Transaction,
  id: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await tx.update(staffActions).set({ payload }).where(eq(staffActions.id, id));
}
