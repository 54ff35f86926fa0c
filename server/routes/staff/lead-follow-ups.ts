// POST /api/staff/leads/:id/follow-ups — log a call, chat, visit or note with its outcome and the next follow-up.
import { logFollowUpRequestSchema, staffLeadActionResponseSchema, staffLeadParamsSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { logFollowUp } from '../../services/workbench/log-follow-up.js';

export const logFollowUpRoute = defineRoute({
  method: 'post',
  path: '/staff/leads/:id/follow-ups',
  summary: 'Log a call, WeChat chat, visit or note',
  tags: ['staff'],
  request: { params: staffLeadParamsSchema, json: logFollowUpRequestSchema },
  response: staffLeadActionResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('POST /staff/leads/:id/follow-ups')],
  handler: ({ ctx, c, params, json }) =>
    logFollowUp(ctx, { access: getStaffAccess(c), leadId: params.id, request: json }),
});
