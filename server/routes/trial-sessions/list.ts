// GET /api/trial-sessions — upcoming trial classes with seats left, by course, campus and day.
import { listTrialSessionsQuerySchema, listTrialSessionsResponseSchema } from '@scrm/shared';
import { defineRoute } from '../../http/route.js';
import { listTrialSessions } from '../../services/bookings/list-trial-sessions.js';

export const listTrialSessionsRoute = defineRoute({
  method: 'get',
  path: '/trial-sessions',
  summary: 'List upcoming trial sessions',
  tags: ['bookings'],
  request: { query: listTrialSessionsQuerySchema },
  response: listTrialSessionsResponseSchema,
  errors: ['validation_failed'],
  handler: ({ ctx, query }) => listTrialSessions(ctx, { query }),
});
