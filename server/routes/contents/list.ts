// GET /api/contents — the content feed, filtered by topic or stage, the viewer's stage first.
import { listContentsQuerySchema, listContentsResponseSchema } from '@scrm/shared';
import { optionalAuth } from '../../http/auth.js';
import { defineRoute } from '../../http/route.js';
import { listContents } from '../../services/contents/read-contents.js';

export const listContentsRoute = defineRoute({
  method: 'get',
  path: '/contents',
  summary: 'List content (articles, videos, e-books)',
  tags: ['contents'],
  request: { query: listContentsQuerySchema },
  response: listContentsResponseSchema,
  errors: ['validation_failed'],
  middleware: [optionalAuth],
  handler: ({ ctx, c, query }) => listContents(ctx, { query, viewerLeadId: c.get('principal')?.subject }),
});
