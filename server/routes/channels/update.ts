// PATCH /api/staff/channels/:id — change a channel (its scene, and so its printed code, stays).
import { channelResponseSchema, entityIdSchema, updateChannelRequestSchema } from '@scrm/shared';
import { z } from 'zod';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { updateChannel } from '../../services/channels/manage-channels.js';

export const updateChannelRoute = defineRoute({
  method: 'patch',
  path: '/staff/channels/:id',
  summary: 'Change a channel',
  description: 'Only the fields sent change; `null` clears the campaign or the advisor. 409 once archived.',
  tags: ['channels'],
  request: { params: z.object({ id: entityIdSchema }), json: updateChannelRequestSchema },
  response: channelResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('PATCH /staff/channels/:id')],
  handler: ({ ctx, c, params, json }) =>
    updateChannel(ctx, { access: getStaffAccess(c), id: params.id, request: json }),
});
