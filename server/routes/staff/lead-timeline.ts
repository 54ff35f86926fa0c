// GET /api/staff/leads/:id/timeline — the lead's touchpoints, newest first, a page at a time.
import { leadTimelineQuerySchema, leadTimelineResponseSchema, staffLeadParamsSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { listLeadTimeline } from '../../services/workbench/list-lead-timeline.js';

export const listLeadTimelineRoute = defineRoute({
  method: 'get',
  path: '/staff/leads/:id/timeline',
  summary: "A page of a lead's timeline",
  tags: ['staff'],
  request: { params: staffLeadParamsSchema, query: leadTimelineQuerySchema },
  response: leadTimelineResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found'],
  middleware: [requireAccess('GET /staff/leads/:id/timeline')],
  handler: ({ ctx, c, params, query }) =>
    listLeadTimeline(ctx, { access: getStaffAccess(c), leadId: params.id, cursor: query.cursor, limit: query.limit }),
});
