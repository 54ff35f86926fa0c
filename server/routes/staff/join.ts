// POST /api/staff/join — a signed-in prospect redeems an invitation code and becomes staff.
import { joinStaffRequestSchema, joinStaffResponseSchema } from '@scrm/shared';
import { getPrincipal } from '../../http/auth.js';
import { clientIp, rateLimit } from '../../http/rate-limit.js';
import { requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { joinStaff } from '../../services/staff/join-staff.js';

export const postStaffJoinRoute = defineRoute({
  method: 'post',
  path: '/staff/join',
  summary: 'Redeem a staff invitation code',
  description: 'The one /api/staff route a prospect token may call: the invitee signs in as everyone does, then joins.',
  tags: ['staff'],
  request: { json: joinStaffRequestSchema },
  response: joinStaffResponseSchema,
  status: 201,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'rate_limited'],
  middleware: [
    requireAccess('POST /staff/join'),
    // Codes are 60 random bits; ten guesses a minute per address keeps guessing hopeless anyway.
    rateLimit((c) => ({ key: `staff-join:ip:${clientIp(c)}`, limit: 10, windowMs: 60_000 })),
  ],
  handler: ({ ctx, c, json }) => joinStaff(ctx, { leadId: getPrincipal(c).subject, code: json.code }),
});
