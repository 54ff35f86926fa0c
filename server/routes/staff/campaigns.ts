// /api/staff/campaigns… — the campaign manager (issue 13 §3): institution-wide managers only.
import {
  audienceCountRequestSchema,
  audienceCountResponseSchema,
  CAMPAIGN_ACTIONS,
  campaignDetailResponseSchema,
  campaignOptionsResponseSchema,
  campaignPreviewQuerySchema,
  campaignPreviewResponseSchema,
  campaignTestSendRequestSchema,
  campaignTestSendResponseSchema,
  createCampaignRequestSchema,
  draftPreviewRequestSchema,
  entityIdSchema,
  listCampaignsResponseSchema,
  updateCampaignDocumentRequestSchema,
} from '@scrm/shared';
import { z } from 'zod';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { listCampaignOptions } from '../../services/campaigns/campaign-options.js';
import {
  changeCampaignStatus,
  countDraftAudience,
  createCampaignFromTrack,
  getCampaignDetail,
  listCampaigns,
  updateCampaignDocument,
} from '../../services/campaigns/manage-campaigns.js';
import { previewCampaign, previewDraftCampaign } from '../../services/campaigns/preview-campaign.js';
import { testSendCampaignStep } from '../../services/campaigns/test-send-campaign.js';

const tags = ['campaigns'];
const idParams = z.object({ id: entityIdSchema });

export const listCampaignsRoute = defineRoute({
  method: 'get',
  path: '/staff/campaigns',
  summary: 'Campaigns with their counts, and the built-in tracks to create one from',
  tags,
  response: listCampaignsResponseSchema,
  errors: ['unauthenticated', 'forbidden'],
  middleware: [requireAccess('GET /staff/campaigns')],
  handler: ({ ctx }) => listCampaigns(ctx),
});

export const createCampaignRoute = defineRoute({
  method: 'post',
  path: '/staff/campaigns',
  summary: 'Create a draft campaign from a built-in track',
  tags,
  request: { json: createCampaignRequestSchema },
  response: campaignDetailResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('POST /staff/campaigns')],
  handler: ({ ctx, json }) => createCampaignFromTrack(ctx, json.builtInKey),
});

export const countAudienceRoute = defineRoute({
  method: 'post',
  path: '/staff/campaigns/audience-count',
  summary: 'How many leads a (draft) document selects now',
  tags,
  request: { json: audienceCountRequestSchema },
  response: audienceCountResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('POST /staff/campaigns/audience-count')],
  handler: ({ ctx, json }) => countDraftAudience(ctx, json.document),
});

export const campaignOptionsRoute = defineRoute({
  method: 'get',
  path: '/staff/campaigns/options',
  summary: 'What the editor’s pickers offer: campuses, courses, sources, tags and templates',
  tags,
  response: campaignOptionsResponseSchema,
  errors: ['unauthenticated', 'forbidden'],
  middleware: [requireAccess('GET /staff/campaigns/options')],
  handler: ({ ctx }) => listCampaignOptions(ctx),
});

export const getCampaignRoute = defineRoute({
  method: 'get',
  path: '/staff/campaigns/:id',
  summary: 'A campaign: document, counts, each step’s funnel, the A/B result, unknown sends',
  tags,
  request: { params: idParams },
  response: campaignDetailResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found'],
  middleware: [requireAccess('GET /staff/campaigns/:id')],
  handler: ({ ctx, params }) => getCampaignDetail(ctx, params.id),
});

export const putCampaignDocumentRoute = defineRoute({
  method: 'put',
  path: '/staff/campaigns/:id/document',
  summary: 'Save an edited document as a new version',
  tags,
  request: { params: idParams, json: updateCampaignDocumentRequestSchema },
  response: campaignDetailResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('PUT /staff/campaigns/:id/document')],
  handler: ({ ctx, params, json }) => updateCampaignDocument(ctx, params.id, json.document),
});

export const previewCampaignRoute = defineRoute({
  method: 'get',
  path: '/staff/campaigns/:id/preview',
  summary: 'Every step exactly as one lead would get it now',
  tags,
  request: { params: idParams, query: campaignPreviewQuerySchema },
  response: campaignPreviewResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found'],
  middleware: [requireAccess('GET /staff/campaigns/:id/preview')],
  handler: ({ ctx, params, query }) => previewCampaign(ctx, { campaignId: params.id, leadId: query.leadId }),
});

export const previewDraftCampaignRoute = defineRoute({
  method: 'post',
  path: '/staff/campaigns/:id/preview',
  summary: 'An edited, unsaved document rendered for one lead as it would be sent; writes nothing',
  tags,
  request: { params: idParams, json: draftPreviewRequestSchema },
  response: campaignPreviewResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found'],
  middleware: [requireAccess('POST /staff/campaigns/:id/preview')],
  handler: ({ ctx, params, json }) =>
    previewDraftCampaign(ctx, { campaignId: params.id, leadId: json.leadId, document: json.document }),
});

export const changeCampaignStatusRoute = defineRoute({
  method: 'post',
  path: '/staff/campaigns/:id/status',
  summary: 'Activate, pause, resume or archive a campaign',
  tags,
  request: { params: idParams, json: z.strictObject({ action: z.enum(CAMPAIGN_ACTIONS) }) },
  response: campaignDetailResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'],
  middleware: [requireAccess('POST /staff/campaigns/:id/status')],
  handler: ({ ctx, params, json }) => changeCampaignStatus(ctx, params.id, json.action),
});

export const testSendCampaignRoute = defineRoute({
  method: 'post',
  path: '/staff/campaigns/:id/test-send',
  summary: 'Send one step, as the preview renders it, to the manager’s own WeChat; writes nothing',
  tags,
  request: { params: idParams, json: campaignTestSendRequestSchema },
  response: campaignTestSendResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found'],
  middleware: [requireAccess('POST /staff/campaigns/:id/test-send')],
  handler: ({ ctx, c, params, json }) =>
    testSendCampaignStep(ctx, {
      campaignId: params.id,
      stepId: json.stepId,
      leadId: json.leadId,
      staffId: getStaffAccess(c).staffId,
    }),
});
