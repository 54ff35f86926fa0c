// POST /api/staff/leads/:id/release — the holder gives back an unaccepted lead, no penalty.
import { staffLeadActionResponseSchema, staffLeadParamsSchema, staffLeadSimpleActionRequestSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { releaseLead } from '../../services/workbench/release-lead.js';

export const releaseLeadRoute = defineRoute({
  method: 'post',
  path: '/staff/leads/:id/release',
  summary: 'Release a lead I hold but have not accepted',
  tags: ['staff'],
  request: { params: staffLeadParamsSchema, json: staffLeadSimpleActionRequestSchema },
  response: staffLeadActionResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('POST /staff/leads/:id/release')],
  handler: ({ ctx, c, params, json }) =>
    releaseLead(ctx, { access: getStaffAccess(c), leadId: params.id, requestId: json.requestId }),
});
