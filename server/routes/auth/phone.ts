// POST /api/auth/phone — bind the phone WeChat verified (getPhoneNumber button) to the prospect's lead.
import { bindPhoneRequestSchema, bindPhoneResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { rateLimit } from '../../http/rate-limit.js';
import { defineRoute } from '../../http/route.js';
import { bindPhone } from '../../services/auth/bind-phone.js';

export const postPhoneRoute = defineRoute({
  method: 'post',
  path: '/auth/phone',
  summary: 'Bind the WeChat-verified phone number (after registration)',
  tags: ['auth'],
  request: { json: bindPhoneRequestSchema },
  response: bindPhoneResponseSchema,
  errors: [
    'bad_request',
    'validation_failed',
    'unauthenticated',
    'forbidden',
    'registration_required',
    'rate_limited',
    'wechat_error',
  ],
  middleware: [
    requireAuth('prospect'),
    // Each call costs a paid WeChat phone-number quota; a person binds a phone once or twice.
    rateLimit((c) => ({ key: `phone:lead:${getPrincipal(c).subject}`, limit: 5, windowMs: 60_000 })),
  ],
  handler: ({ ctx, c, json }) => bindPhone(ctx, { leadId: getPrincipal(c).subject, code: json.code }),
});
