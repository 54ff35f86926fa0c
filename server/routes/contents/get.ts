// GET /api/contents/:id — one content item; a gated download link only for a registered viewer.
import { entityIdSchema, getContentResponseSchema } from '@scrm/shared';
import { z } from 'zod';
import { optionalAuth } from '../../http/auth.js';
import { defineRoute } from '../../http/route.js';
import { getContent } from '../../services/contents/read-contents.js';

export const getContentRoute = defineRoute({
  method: 'get',
  path: '/contents/:id',
  summary: 'One content item',
  tags: ['contents'],
  request: { params: z.object({ id: entityIdSchema }) },
  response: getContentResponseSchema,
  errors: ['validation_failed', 'not_found'],
  middleware: [optionalAuth],
  handler: ({ ctx, c, params }) => getContent(ctx, { id: params.id, viewerLeadId: c.get('principal')?.subject }),
});
