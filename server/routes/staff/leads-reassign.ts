// POST /api/staff/leads/reassign — a manager moves one or many leads of their campuses to an advisor.
import { reassignLeadsRequestSchema, reassignLeadsResponseSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { reassignLeads } from '../../services/workbench/reassign-leads.js';

export const reassignLeadsRoute = defineRoute({
  method: 'post',
  path: '/staff/leads/reassign',
  summary: 'Reassign leads to an advisor (managers)',
  tags: ['staff'],
  request: { json: reassignLeadsRequestSchema },
  response: reassignLeadsResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('POST /staff/leads/reassign')],
  handler: ({ ctx, c, json }) => reassignLeads(ctx, { access: getStaffAccess(c), request: json }),
});
