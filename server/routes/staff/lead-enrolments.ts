// POST /api/staff/leads/:id/enrolments — record an enrolment: course, amount in fen, date → customer.
import { recordEnrolmentRequestSchema, staffLeadActionResponseSchema, staffLeadParamsSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { recordEnrolment } from '../../services/workbench/record-enrolment.js';

export const recordEnrolmentRoute = defineRoute({
  method: 'post',
  path: '/staff/leads/:id/enrolments',
  summary: 'Record an enrolment (course, amount in fen, date)',
  tags: ['staff'],
  request: { params: staffLeadParamsSchema, json: recordEnrolmentRequestSchema },
  response: staffLeadActionResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('POST /staff/leads/:id/enrolments')],
  handler: ({ ctx, c, params, json }) =>
    recordEnrolment(ctx, { access: getStaffAccess(c), leadId: params.id, request: json }),
});
