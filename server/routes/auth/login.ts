// POST /api/auth/login — a WeChat login code becomes a session token and the prospect's lead.
import { loginRequestSchema, loginResponseSchema } from '@scrm/shared';
import { clientAddress } from '../../http/client-address.js';
import { rateLimit } from '../../http/rate-limit.js';
import { defineRoute } from '../../http/route.js';
import { logIn } from '../../services/auth/log-in.js';

export const postLoginRoute = defineRoute({
  method: 'post',
  path: '/auth/login',
  summary: 'Log in with a wx.login code',
  tags: ['auth'],
  request: { json: loginRequestSchema },
  response: loginResponseSchema,
  // rate_limited also comes from the service: 10 logins a minute per WeChat user (log-in.ts).
  errors: ['bad_request', 'rate_limited', 'wechat_error'],
  // Each login costs a WeChat call, so invalid codes are cut per address; but a seminar room of
  // parents on one Wi-Fi (or a carrier's NAT) shares an address, and code2session already proves
  // each login is a real WeChat user, so the address limit is generous and the service adds a
  // per-user one (issue 8 item 3).
  middleware: [rateLimit((c) => ({ key: `login:ip:${clientAddress(c)}`, limit: 600, windowMs: 60_000 }))],
  handler: ({ ctx, json }) => logIn(ctx, json),
});
