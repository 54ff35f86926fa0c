/** Staff records, invitations and the installation's settings (issue 9 §1, §2). */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { advisors, campuses, institutionSettings, staffInvitations } from '../schema/index.js';

export type StaffRow = typeof advisors.$inferSelect;
export type StaffInsert = typeof advisors.$inferInsert;
type Db = Database | Transaction;

export async function findStaffById(db: Db, id: string): Promise<StaffRow | null> {
  const [row] = await db.select().from(advisors).where(eq(advisors.id, id));
  return row ?? null;
}

export async function findStaffByOpenid(db: Db, openid: string): Promise<StaffRow | null> {
  const [row] = await db.select().from(advisors).where(eq(advisors.openid, openid));
  return row ?? null;
}

/** Inserts a staff record; `null` when the openid is already bound (`ON CONFLICT DO NOTHING`). */
export async function insertStaff(tx: Transaction, row: StaffInsert): Promise<StaffRow | null> {
  const [created] = await tx.insert(advisors).values(row).onConflictDoNothing({ target: advisors.openid }).returning();
  return created ?? null;
}

export async function updateStaff(tx: Transaction, id: string, update: Partial<StaffInsert>): Promise<StaffRow> {
  const [row] = await tx.update(advisors).set(update).where(eq(advisors.id, id)).returning();
  if (!row) throw new Error(`staff ${id} vanished`);
  return row;
}

/**
 * Active advisors who work for `campusId`, locked in id order: routing, claims and transfers count
 * open leads against capacity under these locks, so two of them cannot both fill an advisor's last
 * place. Every taker of these locks first holds its lead's row (one order). `FOR NO KEY UPDATE`,
 * not `FOR UPDATE`: the foreign keys to `advisors` (a staff action, an owner) take `FOR KEY SHARE`
 * on the row, which `FOR UPDATE` would wait for, and two claims of one advisor would deadlock
 * (PostgreSQL docs, "Row-Level Locks": NO KEY UPDATE does not conflict with KEY SHARE).
 */
export function lockCampusAdvisors(tx: Transaction, campusId: string): Promise<StaffRow[]> {
  return tx
    .select()
    .from(advisors)
    .where(
      and(
        eq(advisors.role, 'advisor'),
        eq(advisors.isActive, true),
        sql`(${campusId}::uuid = any(${advisors.campusIds}) or ${advisors.isAllCampuses})`,
      ),
    )
    .orderBy(asc(advisors.id))
    .for('no key update');
}

/** One staff row, locked as `lockCampusAdvisors` locks them (a claim checks the claimer's limits under it). */
export async function lockStaff(tx: Transaction, id: string): Promise<StaffRow | null> {
  const [row] = await tx.select().from(advisors).where(eq(advisors.id, id)).for('no key update');
  return row ?? null;
}

/** Staff of the given campuses (every staff member when `campusIds` is `'all'`), by name. */
export function listStaffInCampuses(db: Db, campusIds: readonly string[] | 'all'): Promise<StaffRow[]> {
  const inScope =
    campusIds === 'all'
      ? undefined
      : sql`(${advisors.campusIds} && ${sql`array[${sql.join(
          campusIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}]::uuid[]`} or ${advisors.isAllCampuses})`;
  return db.select().from(advisors).where(inScope).orderBy(asc(advisors.name), asc(advisors.id));
}

export function listCampusOptions(db: Db, campusIds: readonly string[] | 'all') {
  const query = db.select({ id: campuses.id, name: campuses.name }).from(campuses);
  return (campusIds === 'all' ? query : query.where(inArray(campuses.id, [...campusIds]))).orderBy(asc(campuses.name));
}

export async function listAllCampusIds(db: Db): Promise<string[]> {
  return (await db.select({ id: campuses.id }).from(campuses).orderBy(asc(campuses.id))).map((r) => r.id);
}

export type InvitationRow = typeof staffInvitations.$inferSelect;

export async function insertInvitation(
  tx: Transaction,
  row: typeof staffInvitations.$inferInsert,
): Promise<InvitationRow> {
  const [created] = await tx.insert(staffInvitations).values(row).returning();
  if (!created) throw new Error('invitation insert returned nothing');
  return created;
}

/** The invitation with this code hash, locked, so one code is redeemed once. */
export async function lockInvitationByHash(tx: Transaction, codeHash: string): Promise<InvitationRow | null> {
  const [row] = await tx.select().from(staffInvitations).where(eq(staffInvitations.codeHash, codeHash)).for('update');
  return row ?? null;
}

export async function markInvitationUsed(tx: Transaction, id: string, staffId: string, now: Date): Promise<void> {
  await tx
    .update(staffInvitations)
    .set({ usedAt: now, usedByStaffId: staffId })
    .where(and(eq(staffInvitations.id, id), isNull(staffInvitations.usedAt)));
}

const SETTINGS_ID = 'default';

/** The stored settings document, or `null` when none was saved (the defaults apply). */
export async function findSettingsDocument(db: Db): Promise<unknown | null> {
  const [row] = await db
    .select({ document: institutionSettings.document })
    .from(institutionSettings)
    .where(eq(institutionSettings.id, SETTINGS_ID));
  return row?.document ?? null;
}

export async function saveSettingsDocument(
  tx: Transaction,
  document: Record<string, unknown>,
  staffId: string | null,
  now: Date,
): Promise<void> {
  await tx
    .insert(institutionSettings)
    .values({ id: SETTINGS_ID, document, updatedAt: now, updatedByStaffId: staffId })
    .onConflictDoUpdate({
      target: institutionSettings.id,
      set: { document, updatedAt: now, updatedByStaffId: staffId },
    });
}
