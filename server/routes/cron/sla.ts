// GET|POST /api/cron/sla — Vercel Cron: take back leads whose accept is overdue (Bearer $CRON_SECRET).
import { runSlaSweepResponseSchema } from '@scrm/shared';
import { requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { runSlaSweep } from '../../services/routing/run-sla-sweep.js';

const common = {
  path: '/cron/sla',
  tags: ['cron'],
  response: runSlaSweepResponseSchema,
  errors: ['unauthenticated'] as const,
};

/** Vercel Cron calls with GET (vercel.com/docs/cron-jobs); POST is there for a manual run. */
export const getSlaCronRoute = defineRoute({
  ...common,
  method: 'get',
  summary: 'Recover leads whose accept SLA has passed (Vercel Cron)',
  middleware: [requireAccess('GET /cron/sla')],
  handler: ({ ctx }) => runSlaSweep(ctx),
});

export const postSlaCronRoute = defineRoute({
  ...common,
  method: 'post',
  summary: 'Recover leads whose accept SLA has passed (manual run)',
  middleware: [requireAccess('POST /cron/sla')],
  handler: ({ ctx }) => runSlaSweep(ctx),
});
