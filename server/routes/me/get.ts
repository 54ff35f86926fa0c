// GET /api/me — the prospect's own lead: stages and the explained score.
import { getMeResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth';
import { defineRoute } from '../../http/route';
import { getMe } from '../../services/me/get-me';

export const getMeRoute = defineRoute({
  method: 'get',
  path: '/me',
  summary: "The prospect's own lead",
  tags: ['me'],
  response: getMeResponseSchema,
  errors: ['unauthenticated', 'forbidden'],
  middleware: [requireAuth('prospect')],
  handler: ({ ctx, c }) => getMe(ctx, { leadId: getPrincipal(c).subject }),
});
