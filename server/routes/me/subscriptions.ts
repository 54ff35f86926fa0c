// GET /api/me/subscriptions — the prospect's subscribe-message grants per template.
import { listMySubscriptionsResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth';
import { defineRoute } from '../../http/route';
import { listMySubscriptions } from '../../services/me/list-my-subscriptions';

export const listMySubscriptionsRoute = defineRoute({
  method: 'get',
  path: '/me/subscriptions',
  summary: 'My message subscriptions',
  tags: ['me'],
  response: listMySubscriptionsResponseSchema,
  errors: ['unauthenticated'],
  middleware: [requireAuth('prospect')],
  handler: ({ ctx, c }) => listMySubscriptions(ctx, { leadId: getPrincipal(c).subject }),
});
