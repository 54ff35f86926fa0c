// POST /api/staff/leads/:id/attendance — mark a trial booking attended (→ opportunity) or a no-show.
import { markAttendanceRequestSchema, staffLeadActionResponseSchema, staffLeadParamsSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { markAttendance } from '../../services/workbench/mark-attendance.js';

export const markAttendanceRoute = defineRoute({
  method: 'post',
  path: '/staff/leads/:id/attendance',
  summary: 'Mark a trial booking attended or no-show',
  tags: ['staff'],
  request: { params: staffLeadParamsSchema, json: markAttendanceRequestSchema },
  response: staffLeadActionResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('POST /staff/leads/:id/attendance')],
  handler: ({ ctx, c, params, json }) =>
    markAttendance(ctx, { access: getStaffAccess(c), leadId: params.id, request: json }),
});
