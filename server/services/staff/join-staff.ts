/**
 * `POST /api/staff/join` (issue 9 §1): a signed-in prospect redeems an invitation code and their
 * openid becomes a staff record with the invitation's role, campuses and capacity. The invitation
 * row is locked, so a code is redeemed once even by two taps at once; an expired, used or unknown
 * code, or an openid that is staff already, is refused with nothing written.
 */
import { type JoinStaffResponse, STAFF_MESSAGES } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { findLeadById } from '../../db/queries/leads.js';
import { insertStaff, lockInvitationByHash, markInvitationUsed } from '../../db/queries/staff.js';
import { AppError } from '../../http/app-error.js';
import { hashInvitationCode } from './invite-staff.js';
import { toStaffSession } from './staff-session.js';

export async function joinStaff(
  ctx: Pick<AppContext, 'db' | 'env' | 'now'>,
  options: { leadId: string; code: string },
): Promise<JoinStaffResponse> {
  const now = ctx.now();
  const lead = await findLeadById(ctx.db, options.leadId);
  if (!lead?.openid || lead.erasedAt) {
    throw new AppError('unauthenticated', 'No live lead with an openid', {
      userMessage: STAFF_MESSAGES.notRegisteredForJoin,
    });
  }
  const openid = lead.openid;
  const staff = await ctx.db.transaction(async (tx) => {
    const invitation = await lockInvitationByHash(tx, hashInvitationCode(options.code));
    if (!invitation || invitation.expiresAt <= now) {
      throw new AppError('not_found', 'Invitation unknown or expired', {
        userMessage: STAFF_MESSAGES.invitationInvalid,
      });
    }
    if (invitation.usedAt)
      throw new AppError('conflict', 'Invitation used', { userMessage: STAFF_MESSAGES.invitationUsed });
    const created = await insertStaff(tx, {
      openid,
      name: invitation.name,
      role: invitation.role,
      campusIds: invitation.campusIds,
      isAllCampuses: invitation.isAllCampuses,
      capacity: invitation.capacity,
      createdAt: now,
    });
    if (!created)
      throw new AppError('conflict', 'Openid is staff already', { userMessage: STAFF_MESSAGES.alreadyStaff });
    await markInvitationUsed(tx, invitation.id, created.id, now);
    return created;
  });
  return { staff: await toStaffSession(ctx, staff, now) };
}
