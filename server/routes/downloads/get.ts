// GET /api/downloads/:contentId — a content item's file, through a signed link (records the download).
import { downloadQuerySchema, entityIdSchema } from '@scrm/shared';
import { z } from 'zod';
import { optionalAuth } from '../../http/auth.js';
import { toContentDisposition } from '../../http/content-disposition.js';
import { defineRoute } from '../../http/route.js';
import { type DownloadedFile, downloadContent } from '../../services/contents/download-content.js';

function toFileResponse(file: DownloadedFile): Response {
  return new Response(file.bytes, {
    status: 200,
    headers: {
      'content-type': file.mediaType,
      'content-length': String(file.bytes.byteLength),
      'content-disposition': toContentDisposition(file.fileName),
      // A signed link is one lead's: no shared cache may keep it.
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

export const getDownloadRoute = defineRoute({
  method: 'get',
  path: '/downloads/:contentId',
  summary: 'A content file (binary; the signed link records the download)',
  description:
    'Serves the bytes with Content-Type, Content-Length and Content-Disposition. A gated file needs the signed link from GET /api/contents/{id}; a wrong signature or another lead is 403, an expired link 410.',
  tags: ['contents'],
  request: { params: z.object({ contentId: entityIdSchema }), query: downloadQuerySchema },
  response: z.instanceof(Response),
  errors: ['validation_failed', 'forbidden', 'registration_required', 'not_found', 'link_expired'],
  middleware: [optionalAuth],
  handler: async ({ ctx, c, params, query }) =>
    toFileResponse(
      await downloadContent(ctx, { contentId: params.contentId, query, viewerLeadId: c.get('principal')?.subject }),
    ),
});
