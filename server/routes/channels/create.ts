// POST /api/staff/channels — a manager creates a channel (渠道) and with it its code's scene.
import { channelResponseSchema, createChannelRequestSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { createChannel } from '../../services/channels/manage-channels.js';

export const createChannelRoute = defineRoute({
  method: 'post',
  path: '/staff/channels',
  summary: 'Create a channel in one of the manager’s campuses',
  tags: ['channels'],
  request: { json: createChannelRequestSchema },
  response: channelResponseSchema,
  status: 201,
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('POST /staff/channels')],
  handler: ({ ctx, c, json }) => createChannel(ctx, { access: getStaffAccess(c), request: json }),
});
