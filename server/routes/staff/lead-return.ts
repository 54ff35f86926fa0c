// POST /api/staff/leads/:id/return — the holder returns the lead (reason + text): penalty, pool, kept away from them.
import { returnLeadRequestSchema, staffLeadActionResponseSchema, staffLeadParamsSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { returnLeadToPool } from '../../services/workbench/return-lead-to-pool.js';

export const returnLeadRoute = defineRoute({
  method: 'post',
  path: '/staff/leads/:id/return',
  summary: 'Return a lead to the pool, with a reason',
  tags: ['staff'],
  request: { params: staffLeadParamsSchema, json: returnLeadRequestSchema },
  response: staffLeadActionResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('POST /staff/leads/:id/return')],
  handler: ({ ctx, c, params, json }) =>
    returnLeadToPool(ctx, { access: getStaffAccess(c), leadId: params.id, request: json }),
});
