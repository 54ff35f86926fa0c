/**
 * The campaign manager's API (issue 13 §3, `/api/staff/campaigns…`) and the prospect's in-app
 * messages (`/api/me/messages`). Documents are validated with `campaignDocumentSchema`.
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../fields.js';
import { unknownSendSchema } from './campaign-runner.js';

export const CAMPAIGN_STATUS_VALUES = ['draft', 'active', 'paused', 'archived'] as const;
export type CampaignStatusValue = (typeof CAMPAIGN_STATUS_VALUES)[number];

/** Counts of a campaign as the manager's list shows them. */
export const campaignCountsSchema = z.object({
  /** Leads that ever entered (the live count of a document: `POST /staff/campaigns/audience-count`). */
  audienceSize: z.number().int(),
  /** Leads in the campaign now (entered, not exited). */
  members: z.number().int(),
  /** Messages sent (subscribe and in-app). */
  sent: z.number().int(),
  /** Leads who opened or clicked a message of the campaign (`message_clicked`). */
  clicked: z.number().int(),
  /** Members who enrolled after entering. */
  converted: z.number().int(),
});

export const campaignSummarySchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUS_VALUES),
  version: z.number().int(),
  builtInKey: z.string().nullable(),
  activatedAt: isoDateTimeSchema.nullable(),
  updatedAt: isoDateTimeSchema,
  counts: campaignCountsSchema,
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const builtInTrackSchema = z.object({ key: z.string(), name: z.string(), description: z.string().nullable() });

/** `GET /api/staff/campaigns` */
export const listCampaignsResponseSchema = z.object({
  campaigns: z.array(campaignSummarySchema),
  /** Tracks a new campaign can be created from. */
  builtInTracks: z.array(builtInTrackSchema),
});
export type ListCampaignsResponse = z.infer<typeof listCampaignsResponseSchema>;

/** `POST /api/staff/campaigns`: a draft copied from a built-in track. */
export const createCampaignRequestSchema = z.strictObject({ builtInKey: z.string().min(1).max(48) });

/** One step's funnel: planned → sent (by channel) → clicked; and what did not go. */
export const stepFunnelSchema = z.object({
  stepId: z.string(),
  label: z.string(),
  planned: z.number().int(),
  sentSubscribe: z.number().int(),
  sentInApp: z.number().int(),
  clicked: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  unknown: z.number().int(),
  pending: z.number().int(),
});

/** The A/B result of one variant of a step. */
export const variantResultSchema = z.object({
  stepId: z.string(),
  variant: z.string(),
  sent: z.number().int(),
  clicked: z.number().int(),
  /** clicked ÷ sent, 0 when nothing was sent. */
  clickRate: z.number(),
});

/** `GET /api/staff/campaigns/:id` (and the answer of every change). */
export const campaignDetailResponseSchema = z.object({
  /**
   * `document` is a `CampaignDocument` (shared/campaigns, parsed by `campaignDocumentSchema`); it is
   * described as an object here because its audience predicates are recursive, which OpenAPI
   * tools resolve poorly.
   */
  campaign: campaignSummarySchema.extend({ document: z.record(z.string(), z.unknown()) }),
  steps: z.array(stepFunnelSchema),
  variants: z.array(variantResultSchema),
  /** Sends whose outcome is unknown (never retried): a person checks them. */
  unknownSends: z.array(unknownSendSchema),
});
export type CampaignDetailResponse = z.infer<typeof campaignDetailResponseSchema>;

/** `PUT /api/staff/campaigns/:id/document`: saved as a new version (the request's `version` is ignored). */
export const updateCampaignDocumentRequestSchema = z.strictObject({ document: z.unknown() });

/** `POST /api/staff/campaigns/audience-count`: how many leads a (draft) document's audience selects now. */
export const audienceCountRequestSchema = z.strictObject({ document: z.unknown() });
export const audienceCountResponseSchema = z.object({ audienceSize: z.number().int() });

export const CAMPAIGN_ACTIONS = ['activate', 'pause', 'resume', 'archive'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

/** One step as a lead would get it now (`GET /api/staff/campaigns/:id/preview?leadId=`). */
export const stepPreviewSchema = z.object({
  stepId: z.string(),
  label: z.string(),
  /** `subscribe_message` when the lead holds a grant for the template, else `in_app_message`. */
  channel: z.enum(['subscribe_message', 'in_app_message']),
  templateTitle: z.string(),
  variant: z.string().nullable(),
  /** Exactly the fields that would be sent, with what was done to fit WeChat's rules. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), value: z.string(), adjustment: z.string() })),
  page: z.string().nullable(),
  /** Why nothing would be sent (`no_content`, `render_refused: …`), else null. */
  refusal: z.string().nullable(),
});
export type StepPreview = z.infer<typeof stepPreviewSchema>;
export const campaignPreviewResponseSchema = z.object({ leadId: z.uuid(), steps: z.array(stepPreviewSchema) });
export type CampaignPreviewResponse = z.infer<typeof campaignPreviewResponseSchema>;
export const campaignPreviewQuerySchema = z.object({ leadId: z.uuid() });

/**
 * `POST /api/staff/campaigns/:id/preview`: an edited, unsaved document rendered for `leadId` as
 * the runner would send it; a step with A/B variants appears once per variant.
 */
export const draftPreviewRequestSchema = z.strictObject({
  leadId: z.uuid({ error: '预览对象不存在' }),
  document: z.unknown(),
});

/** A choice of the campaign editor's pickers: a value the audience stores, its label and how many live leads have it. */
export const audienceOptionSchema = z.object({ value: z.string(), label: z.string(), leads: z.number().int() });
export type AudienceOption = z.infer<typeof audienceOptionSchema>;

/**
 * `GET /api/staff/campaigns/options`: what the editor's pickers offer, from this installation's
 * data: campuses and courses (active ones, by id), the sources and tags live leads carry (most
 * common first, at most `CAMPAIGN_OPTION_LIMIT` each), and the templates a campaign may send.
 */
export const campaignOptionsResponseSchema = z.object({
  campuses: z.array(audienceOptionSchema),
  courses: z.array(audienceOptionSchema),
  sources: z.array(audienceOptionSchema),
  tags: z.array(audienceOptionSchema),
  templates: z.array(z.object({ key: z.string(), title: z.string() })),
});
export type CampaignOptionsResponse = z.infer<typeof campaignOptionsResponseSchema>;
export const CAMPAIGN_OPTION_LIMIT = 50;

/** An in-app message (站内消息) on the prospect's Me page. */
export const inAppMessageSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  /** The mini-program page it opens, with `campaignId`, `step` and `channel` in its query. */
  page: z.string(),
  campaignId: z.uuid().nullable(),
  stepId: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  readAt: isoDateTimeSchema.nullable(),
});
export type InAppMessage = z.infer<typeof inAppMessageSchema>;

/** `GET /api/me/messages`: newest first (at most 50), and how many are unread (the tab's dot). */
export const listMyMessagesResponseSchema = z.object({
  messages: z.array(inAppMessageSchema),
  unreadCount: z.number().int(),
});
export type ListMyMessagesResponse = z.infer<typeof listMyMessagesResponseSchema>;

/** `POST /api/me/messages/:id/read`: opened; a `message_clicked` touchpoint attributed to the campaign. */
export const readMyMessageResponseSchema = z.object({ message: inAppMessageSchema, unreadCount: z.number().int() });
export type ReadMyMessageResponse = z.infer<typeof readMyMessageResponseSchema>;

/**
 * `POST /api/staff/campaigns/:id/test-send`: one step, rendered as the preview renders it for
 * `leadId` (or a sample parent without one), sent to the manager's own WeChat. Nothing of the
 * campaign's is written: no outbox row, no cap counted, no grant of our ledger spent, no lead's
 * score or membership changed.
 */
export const campaignTestSendRequestSchema = z.strictObject({
  stepId: z.string().trim().min(1).max(64),
  leadId: z.uuid().optional(),
});
export const campaignTestSendResponseSchema = z.object({
  /** The lead the step was rendered for; null when a sample parent stood in. */
  leadId: z.uuid().nullable(),
  step: stepPreviewSchema,
  /**
   * `sent`: WeChat accepted it for the manager's openid. `no_openid`: the manager has never opened
   * the mini-program. `refused`: WeChat said no (`errcode` 43101: the manager holds no grant of
   * this template). `not_rendered`: the step refused to render (see `step.refusal`).
   */
  delivery: z.object({
    status: z.enum(['sent', 'no_openid', 'refused', 'not_rendered']),
    errcode: z.number().int().nullable(),
  }),
});
export type CampaignTestSendResponse = z.infer<typeof campaignTestSendResponseSchema>;
