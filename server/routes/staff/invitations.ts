// POST /api/staff/invitations — a manager invites an advisor or manager: a single-use code that expires.
import { createStaffInvitationRequestSchema, createStaffInvitationResponseSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { inviteStaff } from '../../services/staff/invite-staff.js';

export const postStaffInvitationRoute = defineRoute({
  method: 'post',
  path: '/staff/invitations',
  summary: 'Invite a staff member (managers)',
  tags: ['staff'],
  request: { json: createStaffInvitationRequestSchema },
  response: createStaffInvitationResponseSchema,
  status: 201,
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('POST /staff/invitations')],
  handler: ({ ctx, c, json }) => inviteStaff(ctx, { inviter: getStaffAccess(c), request: json }),
});
