// POST /api/staff/leads/:id/accept — the holder accepts the lead: SQL, or opportunity with a booked trial.
import { staffLeadActionResponseSchema, staffLeadParamsSchema, staffLeadSimpleActionRequestSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { acceptLead } from '../../services/workbench/accept-lead.js';

export const acceptLeadRoute = defineRoute({
  method: 'post',
  path: '/staff/leads/:id/accept',
  summary: 'Accept a lead I hold (SLA met)',
  tags: ['staff'],
  request: { params: staffLeadParamsSchema, json: staffLeadSimpleActionRequestSchema },
  response: staffLeadActionResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('POST /staff/leads/:id/accept')],
  handler: ({ ctx, c, params, json }) =>
    acceptLead(ctx, { access: getStaffAccess(c), leadId: params.id, requestId: json.requestId }),
});
