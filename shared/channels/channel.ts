/**
 * Channels (渠道) for offline and advisor acquisition (issue 13 §4): a fair stand, a poster at a
 * school gate, a seminar handout, an advisor's business card. A manager creates one and prints its
 * mini-program code; a scan opens the mini-program with the channel's scene, and the visit, every
 * later touchpoint and the registration are attributed to the channel and its campaign. A lead from
 * an advisor's own code is routed to that advisor (SPEC §2.4).
 */
import { z } from 'zod';
import { CAMPAIGN_PAGES } from '../campaigns/page-link.js';
import { entityIdSchema, shortTextSchema } from '../fields.js';

export const CHANNEL_KINDS = ['fair', 'poster', 'seminar', 'advisor_card', 'flyer', 'partner', 'other'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Chinese labels managers see. */
export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  fair: '展会/招生咨询会',
  poster: '海报',
  seminar: '讲座/说明会',
  advisor_card: '顾问名片',
  flyer: '传单',
  partner: '合作机构',
  other: '其他',
};

/** Pages a code may open (the mini-program's main package; `wxacode.getUnlimited` takes no query). */
export const CHANNEL_LANDING_PAGES = [CAMPAIGN_PAGES.home, CAMPAIGN_PAGES.trial, CAMPAIGN_PAGES.register] as const;

/** What a manager sets for a channel; the server adds its id and the code's scene. */
export const channelDefinitionSchema = z
  .strictObject({
    name: shortTextSchema(30),
    kind: z.enum(CHANNEL_KINDS),
    campusId: entityIdSchema,
    /** The campaign the channel's leads are attributed to (and enter, if it is audience-based). */
    campaignId: z.string().trim().min(1).max(64).optional(),
    /** The advisor whose card this is: leads from the code are routed to them. */
    advisorId: entityIdSchema.optional(),
    landingPage: z.enum(CHANNEL_LANDING_PAGES).default(CAMPAIGN_PAGES.home),
  })
  .refine((c) => c.kind !== 'advisor_card' || c.advisorId !== undefined, {
    error: '顾问名片渠道需要指定顾问',
    path: ['advisorId'],
  });
export type ChannelDefinition = z.infer<typeof channelDefinitionSchema>;
