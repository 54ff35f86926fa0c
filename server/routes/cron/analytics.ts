// GET|POST /api/cron/analytics — fold the facts recorded since the last run into the rollups (ADR 016).
import { runAnalyticsFoldResponseSchema } from '@scrm/shared';
import { requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { runAnalyticsFold } from '../../services/analytics/fold-analytics.js';

const common = {
  path: '/cron/analytics',
  tags: ['cron'],
  response: runAnalyticsFoldResponseSchema,
  errors: ['unauthenticated'] as const,
};

/** Vercel Cron calls with GET; POST is there for a manual run. */
export const getAnalyticsCronRoute = defineRoute({
  ...common,
  method: 'get',
  summary: 'Fold new facts into the analytics rollups (Vercel Cron)',
  middleware: [requireAccess('GET /cron/analytics')],
  handler: ({ ctx }) => runAnalyticsFold(ctx),
});

export const postAnalyticsCronRoute = defineRoute({
  ...common,
  method: 'post',
  summary: 'Fold new facts into the analytics rollups (manual run)',
  middleware: [requireAccess('POST /cron/analytics')],
  handler: ({ ctx }) => runAnalyticsFold(ctx),
});
