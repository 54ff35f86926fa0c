// GET /api/staff/me — the workbench header: who I am, my limits and today's counters.
import { getStaffMeResponseSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { getStaffMe } from '../../services/staff/get-staff-me.js';

export const getStaffMeRoute = defineRoute({
  method: 'get',
  path: '/staff/me',
  summary: 'The signed-in staff member, their limits and counters',
  tags: ['staff'],
  response: getStaffMeResponseSchema,
  errors: ['unauthenticated', 'forbidden'],
  middleware: [requireAccess('GET /staff/me')],
  handler: ({ ctx, c }) => getStaffMe(ctx, { access: getStaffAccess(c) }),
});
