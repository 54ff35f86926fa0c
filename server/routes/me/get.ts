// GET /api/me — the prospect's own lead, as the prospect sees it (no score or stages).
import { getMeResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { defineRoute } from '../../http/route.js';
import { getMe } from '../../services/me/get-me.js';

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
