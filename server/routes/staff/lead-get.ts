// GET /api/staff/leads/:id — the lead page: full phone (audit-logged), score reasons, histories, timeline.
import { staffLeadDetailSchema, staffLeadParamsSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { getStaffLead } from '../../services/workbench/get-staff-lead.js';

export const getStaffLeadRoute = defineRoute({
  method: 'get',
  path: '/staff/leads/:id',
  summary: 'One lead as staff see it',
  tags: ['staff'],
  request: { params: staffLeadParamsSchema },
  response: staffLeadDetailSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found'],
  middleware: [requireAccess('GET /staff/leads/:id')],
  handler: ({ ctx, c, params }) => getStaffLead(ctx, { access: getStaffAccess(c), leadId: params.id }),
});
