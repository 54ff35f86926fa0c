// GET|POST /api/cron/scoring — rescore leads in batches after a model switch (ADR 019, Bearer $CRON_SECRET).
import { runRescoringQuerySchema, runRescoringResponseSchema } from '@scrm/shared';
import { requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { runRescoring } from '../../services/scoring-models/rescore-leads.js';

const common = {
  path: '/cron/scoring',
  tags: ['cron'],
  request: { query: runRescoringQuerySchema },
  response: runRescoringResponseSchema,
  errors: ['validation_failed', 'unauthenticated'] as const,
};

/** Vercel Cron calls with GET; POST is there for a manual run. */
export const getScoringCronRoute = defineRoute({
  ...common,
  method: 'get',
  summary: 'Rescore the next batches of leads under the active scoring model (Vercel Cron)',
  middleware: [requireAccess('GET /cron/scoring')],
  handler: ({ ctx, query }) => runRescoring(ctx, query),
});

export const postScoringCronRoute = defineRoute({
  ...common,
  method: 'post',
  summary: 'Rescore the next batches of leads under the active scoring model (manual run)',
  middleware: [requireAccess('POST /cron/scoring')],
  handler: ({ ctx, query }) => runRescoring(ctx, query),
});
