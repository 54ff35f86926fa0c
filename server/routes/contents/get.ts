// GET /api/contents/:id — one content item; a gated download link only for a registered viewer.
import { entityIdSchema, getContentResponseSchema } from '@scrm/shared';
import { z } from 'zod';
import { optionalAuth } from '../../http/auth';
import { defineRoute } from '../../http/route';
import { getContent } from '../../services/contents/read-contents';

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
