// GET /api/contents/:id/cover.png — the item's cover, drawn by the API (issue 14).
import { entityIdSchema } from '@scrm/shared';
import { z } from 'zod';
import { findContent } from '../../db/queries/contents.js';
import { AppError } from '../../http/app-error.js';
import { defineRoute } from '../../http/route.js';
import { drawCover } from '../../services/contents/cover-image.js';

export const getContentCoverRoute = defineRoute({
  method: 'get',
  path: '/contents/:id/cover.png',
  summary: "A content item's cover image (PNG)",
  description: 'Drawn from the item’s topic and kind; public and cacheable for a day.',
  tags: ['contents'],
  request: { params: z.object({ id: entityIdSchema }) },
  response: z.instanceof(Response),
  errors: ['validation_failed', 'not_found'],
  handler: async ({ ctx, params }) => {
    const row = await findContent(ctx.db, params.id);
    if (!row) throw new AppError('not_found', `Content ${params.id} not found`, { userMessage: '内容不存在或已下架' });
    const png = drawCover(row.topic, row.kind);
    return new Response(new Uint8Array(png), {
      status: 200,
      headers: {
        'content-type': 'image/png',
        'content-length': String(png.byteLength),
        'cache-control': 'public, max-age=86400',
        // The H5 app shows it from the API's origin; the mini-program's <Image> from the API domain.
        'cross-origin-resource-policy': 'cross-origin',
      },
    });
  },
});
