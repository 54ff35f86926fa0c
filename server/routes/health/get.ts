// GET /api/health: liveness, plus which database and shared-store backends this instance uses.
import { z } from 'zod';
import { defineRoute } from '../../http/route.js';
import { checkHealth } from '../../services/platform/check-health.js';

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  db: z.enum(['pglite', 'postgres']),
  redis: z.enum(['memory', 'redis', 'upstash']),
});

export const getHealthRoute = defineRoute({
  method: 'get',
  path: '/health',
  summary: 'Health check: database and shared store reachable',
  tags: ['platform'],
  response: healthResponseSchema,
  errors: ['service_unavailable'],
  handler: ({ ctx }) => checkHealth(ctx),
});
