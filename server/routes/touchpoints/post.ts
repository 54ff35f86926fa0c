// POST /api/touchpoints — a prospect's batch of 1–100 events, idempotent by event id (SPEC §2.1).
import { ingestTouchpointsRequestSchema, ingestTouchpointsResponseSchema } from '@scrm/shared';
import { getPrincipal, requireAuth } from '../../http/auth.js';
import { clientAddress } from '../../http/client-address.js';
import { rateLimit } from '../../http/rate-limit.js';
import { defineRoute } from '../../http/route.js';
import { ingestTouchpoints } from '../../services/touchpoints/ingest-touchpoints.js';

export const postTouchpointsRoute = defineRoute({
  method: 'post',
  path: '/touchpoints',
  summary: 'Record a batch of touchpoints',
  description: 'Events whose id was seen before are counted as duplicates and change nothing.',
  tags: ['touchpoints'],
  request: { json: ingestTouchpointsRequestSchema },
  response: ingestTouchpointsResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'payload_too_large', 'rate_limited'],
  middleware: [
    // The token first (an HMAC check: microseconds, no I/O), so that both limits are counted in one
    // round trip to the store, the hot path's only one before the database (issue 12: 2.3× the
    // requests a second at 100 clients, docs/performance.md).
    requireAuth('prospect'),
    rateLimit((c) => [
      { key: `ingest:ip:${clientAddress(c)}`, limit: 600, windowMs: 60_000 },
      // The tracking client sends a batch every few seconds at most; 60 a minute leaves room for retries.
      { key: `ingest:lead:${getPrincipal(c).subject}`, limit: 60, windowMs: 60_000 },
    ]),
  ],
  handler: ({ ctx, c, json }) => ingestTouchpoints(ctx, { leadId: getPrincipal(c).subject, events: json.events }),
});
