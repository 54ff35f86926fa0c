// POST /api/registrations — a prospect registers (contact, profile, consent): 201; again = update, 200.
import { createRegistrationRequestSchema, createRegistrationResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { rateLimit } from '../../http/rate-limit.js';
import { defineRoute } from '../../http/route.js';
import { registerLead } from '../../services/registrations/register-lead.js';

export const postRegistrationRoute = defineRoute({
  method: 'post',
  path: '/registrations',
  summary: 'Register (or update) the prospect, with consent',
  description: '201 for the first registration of the lead, 200 when it updates the profile.',
  tags: ['registrations'],
  request: { json: createRegistrationRequestSchema },
  response: createRegistrationResponseSchema,
  status: [201, 200],
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'rate_limited'],
  middleware: [
    requireAuth('prospect'),
    rateLimit((c) => ({ key: `register:lead:${getPrincipal(c).subject}`, limit: 10, windowMs: 60_000 })),
  ],
  handler: async ({ ctx, c, json }) => {
    const { isFirst, response } = await registerLead(ctx, { leadId: getPrincipal(c).subject, registration: json });
    c.status(isFirst ? 201 : 200);
    return response;
  },
});
