// PUT /api/staff/leads/:id/qualification — edit BANT (budget, authority, need, timeline); the fit score follows.
import { staffLeadActionResponseSchema, staffLeadParamsSchema, updateQualificationRequestSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { updateQualification } from '../../services/workbench/update-qualification.js';

export const updateQualificationRoute = defineRoute({
  method: 'put',
  path: '/staff/leads/:id/qualification',
  summary: 'Edit the BANT fields (feed the fit score)',
  tags: ['staff'],
  request: { params: staffLeadParamsSchema, json: updateQualificationRequestSchema },
  response: staffLeadActionResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('PUT /staff/leads/:id/qualification')],
  handler: ({ ctx, c, params, json }) =>
    updateQualification(ctx, { access: getStaffAccess(c), leadId: params.id, request: json }),
});
