// POST /api/staff/channels/:id/archive — archive a channel; printed codes still attribute.
import { channelResponseSchema, entityIdSchema } from '@scrm/shared';
import { z } from 'zod';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { archiveChannel } from '../../services/channels/manage-channels.js';

export const archiveChannelRoute = defineRoute({
  method: 'post',
  path: '/staff/channels/:id/archive',
  summary: 'Archive a channel (idempotent)',
  tags: ['channels'],
  request: { params: z.object({ id: entityIdSchema }) },
  response: channelResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found'],
  middleware: [requireAccess('POST /staff/channels/:id/archive')],
  handler: ({ ctx, c, params }) => archiveChannel(ctx, { access: getStaffAccess(c), id: params.id }),
});
