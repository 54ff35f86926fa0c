// GET /api/staff/leads — the ranked lead list of a tab (mine, pool, overdue, team), filtered, paged.
import { listStaffLeadsQuerySchema, listStaffLeadsResponseSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { listStaffLeads } from '../../services/workbench/list-staff-leads.js';

export const listStaffLeadsRoute = defineRoute({
  method: 'get',
  path: '/staff/leads',
  summary: 'List leads ranked by score (ties: most recent activity)',
  tags: ['staff'],
  request: { query: listStaffLeadsQuerySchema },
  response: listStaffLeadsResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('GET /staff/leads')],
  handler: ({ ctx, c, query }) => listStaffLeads(ctx, { access: getStaffAccess(c), query }),
});
