/** What the campaign editor's pickers offer (issue 13 §3, `GET /api/staff/campaigns/options`). */
import {
  CAMPAIGN_OPTION_LIMIT,
  type CampaignOptionsResponse,
  SUBSCRIBE_TEMPLATE_KEYS,
  SUBSCRIBE_TEMPLATES,
} from '@scrm/shared';
import type { AppContext } from '../../context.js';
import {
  listCampusOptions,
  listCourseOptions,
  listSourceOptions,
  listTagOptions,
} from '../../db/queries/campaign-options.js';

export async function listCampaignOptions(ctx: AppContext): Promise<CampaignOptionsResponse> {
  const [campuses, courses, sources, tags] = await Promise.all([
    listCampusOptions(ctx.db),
    listCourseOptions(ctx.db),
    listSourceOptions(ctx.db, CAMPAIGN_OPTION_LIMIT),
    listTagOptions(ctx.db, CAMPAIGN_OPTION_LIMIT),
  ]);
  const templates = SUBSCRIBE_TEMPLATE_KEYS.map((key) => SUBSCRIBE_TEMPLATES[key])
    .filter((t) => t.recipient === 'lead')
    .map((t) => ({ key: t.key, title: t.title }));
  return { campuses, courses, sources, tags, templates };
}
