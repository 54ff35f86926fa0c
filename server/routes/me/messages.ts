// GET /api/me/messages, POST /api/me/messages/:id/read — the prospect's in-app messages (站内消息).
import { entityIdSchema, listMyMessagesResponseSchema, readMyMessageResponseSchema } from '@scrm/shared';
import { z } from 'zod';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { defineRoute } from '../../http/route.js';
import { listMyMessages, readMyMessage } from '../../services/me/my-messages.js';

export const listMyMessagesRoute = defineRoute({
  method: 'get',
  path: '/me/messages',
  summary: 'My in-app messages (newest first) and the unread count',
  tags: ['me'],
  response: listMyMessagesResponseSchema,
  errors: ['unauthenticated', 'forbidden'],
  middleware: [requireAuth('prospect')],
  handler: ({ ctx, c }) => listMyMessages(ctx, { leadId: getPrincipal(c).subject }),
});

export const readMyMessageRoute = defineRoute({
  method: 'post',
  path: '/me/messages/:id/read',
  summary: 'Open an in-app message (records a click attributed to its campaign)',
  tags: ['me'],
  request: { params: z.object({ id: entityIdSchema }) },
  response: readMyMessageResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found'],
  middleware: [requireAuth('prospect')],
  handler: ({ ctx, c, params }) => readMyMessage(ctx, { leadId: getPrincipal(c).subject, messageId: params.id }),
});
