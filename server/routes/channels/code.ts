// GET /api/staff/channels/:id/code.png — the channel's mini-program code, for print (cached).
import { entityIdSchema } from '@scrm/shared';
import { z } from 'zod';
import { toContentDisposition } from '../../http/content-disposition.js';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { getChannelCode } from '../../services/channels/channel-code.js';

export const getChannelCodeRoute = defineRoute({
  method: 'get',
  path: '/staff/channels/:id/code.png',
  summary: "A channel's mini-program code (PNG, 1280 px)",
  description:
    'wxacode.getUnlimited with the channel’s scene and landing page, fetched from WeChat once and then kept; ' +
    'served as an attachment named after the channel.',
  tags: ['channels'],
  request: { params: z.object({ id: entityIdSchema }) },
  response: z.instanceof(Response),
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'wechat_error', 'service_unavailable'],
  middleware: [requireAccess('GET /staff/channels/:id/code.png')],
  handler: async ({ ctx, c, params }) => {
    const code = await getChannelCode(ctx, { access: getStaffAccess(c), id: params.id });
    return new Response(new Uint8Array(code.png), {
      status: 200,
      headers: {
        'content-type': 'image/png',
        'content-length': String(code.png.byteLength),
        'content-disposition': toContentDisposition(code.fileName),
        // Staff-only: a browser may keep it, a shared cache may not.
        'cache-control': 'private, max-age=3600',
      },
    });
  },
});
