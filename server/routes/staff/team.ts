// GET /api/staff/team — each advisor's load, SLA misses and conversion (managers).
import { listTeamQuerySchema, listTeamResponseSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { listTeam } from '../../services/staff/list-team.js';

export const listTeamRoute = defineRoute({
  method: 'get',
  path: '/staff/team',
  summary: "The manager's advisors with load, SLA misses and conversion",
  tags: ['staff'],
  request: { query: listTeamQuerySchema },
  response: listTeamResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('GET /staff/team')],
  handler: ({ ctx, c, query }) => listTeam(ctx, { access: getStaffAccess(c), query }),
});
