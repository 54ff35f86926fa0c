// GET /api/staff/channels — channels (渠道码): a manager's campuses, or an advisor's own cards.
import { listChannelsQuerySchema, listChannelsResponseSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { listChannels } from '../../services/channels/manage-channels.js';

export const listChannelsRoute = defineRoute({
  method: 'get',
  path: '/staff/channels',
  summary: "Channels of the manager's campuses (an advisor: their own business cards)",
  description: 'Newest first; `archived=true` lists the archived ones instead.',
  tags: ['channels'],
  request: { query: listChannelsQuerySchema },
  response: listChannelsResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('GET /staff/channels')],
  handler: ({ ctx, c, query }) => listChannels(ctx, { access: getStaffAccess(c), archived: query.archived === 'true' }),
});
