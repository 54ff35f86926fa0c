/**
 * The channel-code API's contracts (issue 13 §4): what a manager sends and what the workbench
 * shows. A channel's counts come from the touchpoints and leads attributed to it (ADR 020).
 */
import { z } from 'zod';
import { campaignIdSchema, entityIdSchema, isoDateTimeSchema, shortTextSchema } from '../fields.js';
import { CHANNEL_KINDS, CHANNEL_LANDING_PAGES, channelDefinitionSchema } from './channel.js';

/** Messages managers and advisors see, in one place. */
export const CHANNEL_MESSAGES = {
  channelNotFound: '渠道不存在或无权查看',
  advisorCardNeedsAdvisor: '顾问名片渠道需要指定顾问',
  advisorNotInCampus: '所选顾问不存在或不在该校区',
  campusNotFound: '校区不存在',
  codeUnavailable: '生成小程序码失败，请稍后重试',
  archived: '渠道已归档，不能修改',
} as const;

export const createChannelRequestSchema = channelDefinitionSchema;
export type CreateChannelRequest = z.input<typeof createChannelRequestSchema>;

/** Changes to a channel; `null` clears the campaign or the advisor. At least one field. */
export const updateChannelRequestSchema = z
  .strictObject({
    name: shortTextSchema(30).optional(),
    kind: z.enum(CHANNEL_KINDS).optional(),
    campusId: entityIdSchema.optional(),
    campaignId: campaignIdSchema.nullable().optional(),
    advisorId: entityIdSchema.nullable().optional(),
    landingPage: z.enum(CHANNEL_LANDING_PAGES).optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { error: '没有要修改的内容' });
export type UpdateChannelRequest = z.infer<typeof updateChannelRequestSchema>;

export const listChannelsQuerySchema = z.strictObject({
  /** `true`: archived channels only; default: the active ones. */
  archived: z.enum(['true', 'false']).default('false'),
});

export const channelViewSchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  campusId: entityIdSchema,
  campusName: z.string(),
  campaignId: z.string().nullable(),
  advisorId: entityIdSchema.nullable(),
  advisorName: z.string().nullable(),
  landingPage: z.enum(CHANNEL_LANDING_PAGES),
  /** What the code carries (`encodeChannelScene`); a test link is `<landing page>?scene=<scene>`. */
  scene: z.string(),
  /** The code's PNG, relative to the API's origin (needs the staff token). */
  codeUrl: z.string(),
  archivedAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type ChannelView = z.infer<typeof channelViewSchema>;

/** What a channel brought (ADR 020 defines each). */
export const channelCountsSchema = z.object({
  /** Distinct people who opened the mini-program through the code. */
  scans: z.number().int().nonnegative(),
  /** Leads whose first channel code was this one. */
  newLeads: z.number().int().nonnegative(),
  registrations: z.number().int().nonnegative(),
  bookings: z.number().int().nonnegative(),
});
export type ChannelCounts = z.infer<typeof channelCountsSchema>;

export const listChannelsResponseSchema = z.object({ channels: z.array(channelViewSchema) });
export type ListChannelsResponse = z.infer<typeof listChannelsResponseSchema>;
export const channelResponseSchema = z.object({ channel: channelViewSchema });
export type ChannelResponse = z.infer<typeof channelResponseSchema>;
export const channelDetailResponseSchema = z.object({ channel: channelViewSchema, counts: channelCountsSchema });
export type ChannelDetailResponse = z.infer<typeof channelDetailResponseSchema>;
