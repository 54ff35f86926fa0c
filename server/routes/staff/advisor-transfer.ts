// POST /api/staff/advisors/:id/transfer — hand a leaver's leads to the others (round-robin) and deactivate them.
import { transferAdvisorParamsSchema, transferAdvisorRequestSchema, transferAdvisorResponseSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { transferAdvisor } from '../../services/workbench/transfer-advisor.js';

export const transferAdvisorRoute = defineRoute({
  method: 'post',
  path: '/staff/advisors/:id/transfer',
  summary: "Transfer a leaving advisor's leads and deactivate them (managers)",
  tags: ['staff'],
  request: { params: transferAdvisorParamsSchema, json: transferAdvisorRequestSchema },
  response: transferAdvisorResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('POST /staff/advisors/:id/transfer')],
  handler: ({ ctx, c, params, json }) =>
    transferAdvisor(ctx, { access: getStaffAccess(c), advisorId: params.id, requestId: json.requestId }),
});
