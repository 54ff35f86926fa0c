// GET /api/staff/channels/:id — a channel with its counts (scans, new leads, registrations, bookings).
import { channelDetailResponseSchema, entityIdSchema } from '@scrm/shared';
import { z } from 'zod';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { getChannel } from '../../services/channels/manage-channels.js';

export const getChannelRoute = defineRoute({
  method: 'get',
  path: '/staff/channels/:id',
  summary: 'A channel and what it brought',
  tags: ['channels'],
  request: { params: z.object({ id: entityIdSchema }) },
  response: channelDetailResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found'],
  middleware: [requireAccess('GET /staff/channels/:id')],
  handler: ({ ctx, c, params }) => getChannel(ctx, { access: getStaffAccess(c), id: params.id }),
});
