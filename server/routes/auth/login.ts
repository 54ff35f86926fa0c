// POST /api/auth/login — a WeChat login code becomes a session token and the prospect's lead.
import { loginRequestSchema, loginResponseSchema } from '@scrm/shared';
import { clientIp, rateLimit } from '../../http/rate-limit.js';
import { defineRoute } from '../../http/route.js';
import { logIn } from '../../services/auth/log-in.js';

export const postLoginRoute = defineRoute({
  method: 'post',
  path: '/auth/login',
  summary: 'Log in with a wx.login code',
  tags: ['auth'],
  request: { json: loginRequestSchema },
  response: loginResponseSchema,
  errors: ['bad_request', 'validation_failed', 'rate_limited', 'wechat_error'],
  // A login costs a WeChat call; 30 a minute per IP is plenty for people behind one NAT.
  middleware: [rateLimit((c) => ({ key: `login:ip:${clientIp(c)}`, limit: 30, windowMs: 60_000 }))],
  handler: ({ ctx, json }) => logIn(ctx, json),
});
