/**
 * A staff member's session (issue 9 §1, ADR 011): the same WeChat login as everyone; when the
 * openid is bound to an active staff record, the login also returns a staff token whose subject
 * is the staff id and whose role is `advisor` or `manager`. The prospect's own token stays as it
 * is, so a staff member can still use the mini-program as a prospect.
 */
import type { StaffSession, StaffSummary } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Database, Transaction } from '../../db/client.js';
import { findStaffByOpenid, listAllCampusIds, type StaffRow } from '../../db/queries/staff.js';
import { signSessionToken } from '../auth/session-token.js';

/** Who the staff member is, with the campuses they cover spelled out (all of them for an institution-wide manager). */
export async function toStaffSummary(db: Database | Transaction, staff: StaffRow): Promise<StaffSummary> {
  return {
    id: staff.id,
    name: staff.name,
    role: staff.role,
    campusIds: staff.isAllCampuses ? await listAllCampusIds(db) : staff.campusIds,
    isAllCampuses: staff.isAllCampuses,
  };
}

export async function toStaffSession(
  ctx: Pick<AppContext, 'db' | 'env'>,
  staff: StaffRow,
  now: Date,
): Promise<StaffSession> {
  const summary = await toStaffSummary(ctx.db, staff);
  const { token, expiresAt } = await signSessionToken(
    ctx.env.AUTH_SECRET,
    { subject: staff.id, role: staff.role },
    now,
  );
  return { ...summary, token, expiresAt: expiresAt.toISOString() };
}

/** The staff session of an openid, or `null` when it is nobody's or the staff member left. */
export async function findStaffSession(
  ctx: Pick<AppContext, 'db' | 'env'>,
  openid: string,
  now: Date,
): Promise<StaffSession | null> {
  const staff = await findStaffByOpenid(ctx.db, openid);
  return staff?.isActive ? toStaffSession(ctx, staff, now) : null;
}
