/**
 * The page a campaign message opens (SPEC §2.5 "the message's page link carries the campaign id so
 * that a click is a touchpoint", issue 13). Both channels (a subscribe message and an in-app
 * message) link to a mini-program page whose query carries the campaign, the step and the variant;
 * the page records `message_clicked` with them. Destinations are a closed set of the mini-program's
 * pages, so a campaign cannot name a page that does not exist (WeChat errcode 41030).
 */
import { z } from 'zod';

/** Where a message may lead. */
export const CAMPAIGN_DESTINATIONS = ['home', 'content', 'trial', 'register', 'me'] as const;
export type CampaignDestination = (typeof CAMPAIGN_DESTINATIONS)[number];

/** The mini-program page of each destination (main package, SPEC §3). */
export const CAMPAIGN_PAGES: Readonly<Record<CampaignDestination, string>> = {
  home: 'pages/index/index',
  content: 'pages/content/index',
  trial: 'pages/trial/index',
  register: 'pages/register/index',
  me: 'pages/me/index',
};

/** The channels a campaign message goes through (SPEC §2.5). */
export const CAMPAIGN_CHANNELS = ['subscribe_message', 'in_app_message'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/**
 * Query parameters of a campaign link. `campaignId` and `channel` are the names the mini-program's
 * attribution already reads, so the visit and every later event are attributed to the campaign.
 */
export const CAMPAIGN_LINK_PARAMS = {
  campaignId: 'campaignId',
  step: 'step',
  variant: 'variant',
  channel: 'channel',
  contentId: 'id',
} as const;

export interface CampaignLink {
  campaignId: string;
  stepId: string;
  variant: string | null;
  channel: CampaignChannel;
}

/**
 * The page path with its query, as `subscribeMessage.send`'s `page` takes it (no leading slash).
 *
 * @example buildCampaignPagePath({ to: 'content', contentId: 'c-1', link: { campaignId: 'k', stepId: 'w1', variant: null, channel: 'subscribe_message' } })
 * // 'pages/content/index?id=c-1&campaignId=k&step=w1&channel=subscribe_message'
 */
export function buildCampaignPagePath(input: {
  to: CampaignDestination;
  contentId?: string | null;
  link: CampaignLink;
}): string {
  const { link } = input;
  const params: [string, string][] = [];
  if (input.to === 'content' && input.contentId) params.push([CAMPAIGN_LINK_PARAMS.contentId, input.contentId]);
  params.push([CAMPAIGN_LINK_PARAMS.campaignId, link.campaignId], [CAMPAIGN_LINK_PARAMS.step, link.stepId]);
  if (link.variant) params.push([CAMPAIGN_LINK_PARAMS.variant, link.variant]);
  params.push([CAMPAIGN_LINK_PARAMS.channel, link.channel]);
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `${CAMPAIGN_PAGES[input.to]}?${query}`;
}

const linkQuerySchema = z.object({
  campaignId: z.string().trim().min(1).max(64),
  step: z.string().trim().min(1).max(64),
  variant: z.string().trim().min(1).max(16).optional(),
  channel: z.enum(CAMPAIGN_CHANNELS),
});

/**
 * The campaign a page was opened from, read from the page's query (values already URL-decoded, as
 * the mini-program hands them to a page), or `null` when the visit did not come from a campaign.
 */
export function readCampaignLink(query: Readonly<Record<string, string | undefined>>): CampaignLink | null {
  const parsed = linkQuerySchema.safeParse({
    campaignId: query[CAMPAIGN_LINK_PARAMS.campaignId],
    step: query[CAMPAIGN_LINK_PARAMS.step],
    variant: query[CAMPAIGN_LINK_PARAMS.variant] || undefined,
    channel: query[CAMPAIGN_LINK_PARAMS.channel],
  });
  if (!parsed.success) return null;
  const { campaignId, step, variant, channel } = parsed.data;
  return { campaignId, stepId: step, variant: variant ?? null, channel };
}
