// DELETE /api/me — erase the prospect's personal data; anonymous history stays.
import { deleteMeResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { defineRoute } from '../../http/route.js';
import { eraseMe } from '../../services/me/erase-me.js';

export const deleteMeRoute = defineRoute({
  method: 'delete',
  path: '/me',
  summary: 'Delete my data',
  tags: ['me'],
  response: deleteMeResponseSchema,
  errors: ['unauthenticated', 'forbidden'],
  middleware: [requireAuth('prospect')],
  handler: ({ ctx, c }) => eraseMe(ctx, { leadId: getPrincipal(c).subject }),
});
