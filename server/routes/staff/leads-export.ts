// GET /api/staff/leads/export.csv — the list (same filters) as CSV; full phones on request, audit-logged.
import { exportStaffLeadsQuerySchema } from '@scrm/shared';
import { z } from 'zod';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { exportStaffLeads } from '../../services/workbench/export-staff-leads.js';

export const exportStaffLeadsRoute = defineRoute({
  method: 'get',
  path: '/staff/leads/export.csv',
  summary: 'Export leads as CSV (managers)',
  description:
    'UTF-8 with a byte-order mark, for Excel. `fullPhones=true` writes full numbers; every export is audit-logged.',
  tags: ['staff'],
  request: { query: exportStaffLeadsQuerySchema },
  response: z.string(),
  contentType: 'text/csv; charset=utf-8',
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('GET /staff/leads/export.csv')],
  handler: async ({ ctx, c, query }) => {
    c.header('content-disposition', `attachment; filename="leads-${ctx.now().toISOString().slice(0, 10)}.csv"`);
    return exportStaffLeads(ctx, { access: getStaffAccess(c), query });
  },
});
