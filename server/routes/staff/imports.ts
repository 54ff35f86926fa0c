// POST /api/staff/imports — import an offline list (CSV, UTF-8 or GBK) into the pool; dry run previews errors.
import { importLeadsRequestSchema, importLeadsResponseSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { importLeads } from '../../services/imports/import-leads.js';

export const importLeadsRoute = defineRoute({
  method: 'post',
  path: '/staff/imports',
  summary: 'Import leads from a CSV list (managers)',
  description:
    'The file is base64 (UTF-8 or GBK); rows are deduplicated by phone. Larger files: `npm run leads:import`.',
  tags: ['staff'],
  request: { json: importLeadsRequestSchema },
  response: importLeadsResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'payload_too_large'],
  middleware: [requireAccess('POST /staff/imports')],
  handler: ({ ctx, c, json }) => importLeads(ctx, { access: getStaffAccess(c), request: json }),
});
