// POST /api/staff/leads/:id/claim — an advisor claims a pool lead (daily limit, held cap).
import { staffLeadActionResponseSchema, staffLeadParamsSchema, staffLeadSimpleActionRequestSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { claimLead } from '../../services/workbench/claim-lead.js';

export const claimLeadRoute = defineRoute({
  method: 'post',
  path: '/staff/leads/:id/claim',
  summary: 'Claim a lead from my campus pool',
  tags: ['staff'],
  request: { params: staffLeadParamsSchema, json: staffLeadSimpleActionRequestSchema },
  response: staffLeadActionResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('POST /staff/leads/:id/claim')],
  handler: ({ ctx, c, params, json }) =>
    claimLead(ctx, { access: getStaffAccess(c), leadId: params.id, requestId: json.requestId }),
});
