/**
 * The preview (issue 13 "a preview shows exactly what will be sent"): every step of a campaign as
 * one lead would get it now — the channel its grants allow, the variant, the content and the
 * rendered fields — through the same `composeMessage` the runner sends with.
 */
import {
  type CampaignLeadFacts,
  type CampaignPreviewResponse,
  type CampaignStep,
  getSubscribeTemplate,
  parseCampaignDocument,
  STAFF_MESSAGES,
  type StepPreview,
} from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { loadCampaignLeadFacts } from '../../db/queries/campaign-facts.js';
import { listPublishedContent } from '../../db/queries/campaign-outbox.js';
import { findCampaignRow } from '../../db/queries/campaigns.js';
import { AppError } from '../../http/app-error.js';
import { composeMessage } from './compose-message.js';
import { parseDocument } from './manage-campaigns.js';
import { getTemplateIds } from './template-ids.js';

async function loadPreviewInputs(ctx: AppContext, options: { campaignId: string; leadId: string }) {
  const row = await findCampaignRow(ctx.db, options.campaignId);
  if (!row)
    throw new AppError('not_found', `Campaign ${options.campaignId} not found`, { userMessage: '活动不存在或已删除' });
  const lead = (await loadCampaignLeadFacts(ctx.db, [options.leadId], getTemplateIds(ctx.env))).get(options.leadId);
  if (!lead) {
    throw new AppError('not_found', `Lead ${options.leadId} not found`, { userMessage: STAFF_MESSAGES.leadNotFound });
  }
  return { row, lead, catalogue: await listPublishedContent(ctx.db, ctx.now()) };
}

const channelOf = (lead: CampaignLeadFacts, step: CampaignStep) =>
  (lead.grants[step.message.template] ?? 0) > 0 ? 'subscribe_message' : 'in_app_message';

export async function previewCampaign(
  ctx: AppContext,
  options: { campaignId: string; leadId: string },
): Promise<CampaignPreviewResponse> {
  const { row, lead, catalogue } = await loadPreviewInputs(ctx, options);
  const document = parseCampaignDocument(row.document);
  return {
    leadId: lead.leadId,
    steps: document.steps.map(
      (step) => previewStep({ campaignId: row.id, step, lead, channel: channelOf(lead, step), catalogue }).view,
    ),
  };
}

/**
 * An edited document before it is saved, rendered for one lead as the runner would send it. A
 * step with A/B variants is shown once per variant (the manager checks every text, not only the
 * one their own lead would draw): the step is rendered as if that variant were its only one.
 */
export async function previewDraftCampaign(
  ctx: AppContext,
  options: { campaignId: string; leadId: string; document: unknown },
): Promise<CampaignPreviewResponse> {
  const document = parseDocument(options.document);
  const { row, lead, catalogue } = await loadPreviewInputs(ctx, options);
  return {
    leadId: lead.leadId,
    steps: document.steps.flatMap((step) => {
      const channel = channelOf(lead, step);
      const versions = step.variants?.map((variant) => ({ ...step, variants: [variant] })) ?? [step];
      return versions.map(
        (version) => previewStep({ campaignId: row.id, step: version, lead, channel, catalogue }).view,
      );
    }),
  };
}

/** One step as `lead` would get it through `channel`: what the preview shows and a test send sends. */
export function previewStep(input: Parameters<typeof composeMessage>[0]) {
  const { step, channel } = input;
  const composed = composeMessage(input);
  const view: StepPreview = {
    stepId: step.id,
    label: step.label,
    channel,
    templateTitle: getSubscribeTemplate(step.message.template).title,
    variant: composed.variant,
    fields: composed.ok ? composed.rendered.fields.map((f) => ({ ...f })) : [],
    page: composed.ok ? composed.rendered.page : null,
    refusal: composed.ok ? null : `${composed.reason}: ${composed.detail}`,
  };
  return { view, composed };
}
