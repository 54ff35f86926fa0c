// GET /api/me/downloads — the content the prospect downloaded, latest first.
import { listMyDownloadsResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { defineRoute } from '../../http/route.js';
import { listMyDownloads } from '../../services/contents/read-contents.js';

export const listMyDownloadsRoute = defineRoute({
  method: 'get',
  path: '/me/downloads',
  summary: 'My downloads',
  tags: ['contents', 'me'],
  response: listMyDownloadsResponseSchema,
  errors: ['unauthenticated', 'forbidden'],
  middleware: [requireAuth('prospect')],
  handler: ({ ctx, c }) => listMyDownloads(ctx, { leadId: getPrincipal(c).subject }),
});
