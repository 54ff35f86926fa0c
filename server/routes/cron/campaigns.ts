// GET|POST /api/cron/campaigns — Vercel Cron: plan and send campaign messages (Bearer $CRON_SECRET).
import { runCampaignsResponseSchema } from '@scrm/shared';
import { requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { runCampaigns } from '../../services/campaigns/run-campaigns.js';

const common = {
  path: '/cron/campaigns',
  tags: ['cron'],
  response: runCampaignsResponseSchema,
  errors: ['unauthenticated'] as const,
};

/** Vercel Cron calls with GET (vercel.com/docs/cron-jobs); POST is there for a manual run. */
export const getCampaignsCronRoute = defineRoute({
  ...common,
  method: 'get',
  summary: 'Run the campaign runner: enrol, plan and send due messages (Vercel Cron)',
  middleware: [requireAccess('GET /cron/campaigns')],
  handler: ({ ctx }) => runCampaigns(ctx),
});

export const postCampaignsCronRoute = defineRoute({
  ...common,
  method: 'post',
  summary: 'Run the campaign runner (manual run)',
  middleware: [requireAccess('POST /cron/campaigns')],
  handler: ({ ctx }) => runCampaigns(ctx),
});
