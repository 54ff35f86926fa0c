// GET /api/me/subscriptions — the prospect's subscribe-message grants per template.
import { listMySubscriptionsResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { defineRoute } from '../../http/route.js';
import { listMySubscriptions } from '../../services/me/list-my-subscriptions.js';

export const listMySubscriptionsRoute = defineRoute({
  method: 'get',
  path: '/me/subscriptions',
  summary: 'My message subscriptions',
  tags: ['me'],
  response: listMySubscriptionsResponseSchema,
  errors: ['unauthenticated', 'forbidden'],
  middleware: [requireAuth('prospect')],
  handler: ({ ctx, c }) => listMySubscriptions(ctx, { leadId: getPrincipal(c).subject }),
});
