// GET /api/me/export — everything stored about the prospect, as one JSON document.
import { exportMyDataResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { rateLimit } from '../../http/rate-limit.js';
import { defineRoute } from '../../http/route.js';
import { exportMyData } from '../../services/me/export-my-data.js';

export const exportMeRoute = defineRoute({
  method: 'get',
  path: '/me/export',
  summary: 'Export my data',
  tags: ['me'],
  response: exportMyDataResponseSchema,
  errors: ['unauthenticated', 'forbidden', 'rate_limited'],
  middleware: [
    requireAuth('prospect'),
    rateLimit((c) => ({ key: `export:lead:${getPrincipal(c).subject}`, limit: 5, windowMs: 60_000 })),
  ],
  handler: ({ ctx, c }) => exportMyData(ctx, { leadId: getPrincipal(c).subject }),
});
