/**
 * Test-send to oneself (issue 13 §3): one step, rendered exactly as the preview renders it, sent
 * as a subscribe message to the manager's own openid. It reads and sends, and writes nothing: no
 * outbox row (so the runner's once-per-lead rule is untouched), no frequency counter, no grant of
 * our ledger, no touchpoint, no membership. WeChat itself spends the manager's grant of the
 * template; without one it answers 43101, which the answer reports rather than hides.
 */
import {
  type CampaignLeadFacts,
  type CampaignTestSendResponse,
  parseCampaignDocument,
  STAFF_MESSAGES,
} from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { loadCampaignLeadFacts } from '../../db/queries/campaign-facts.js';
import { listPublishedContent } from '../../db/queries/campaign-outbox.js';
import { findCampaignRow } from '../../db/queries/campaigns.js';
import { findStaffById } from '../../db/queries/staff.js';
import { AppError } from '../../http/app-error.js';
import { previewStep } from './preview-campaign.js';
import { getTemplateIds } from './template-ids.js';

/** Who the step is rendered for when the manager names no lead: a registered parent, new this week. */
export function sampleLeadFacts(now: Date): CampaignLeadFacts {
  return {
    leadId: '00000000-0000-4000-8000-000000000000',
    name: '测试家长',
    role: 'parent',
    lifecycleStage: 'engaged',
    lifecycleStageAt: now,
    journeyStage: 'exploring',
    journeyStageAt: now,
    scoreTotal: 0,
    campusId: null,
    courseInterest: null,
    courseName: null,
    interestTopic: null,
    source: null,
    tags: [],
    createdAt: now,
    registeredAt: now,
    lastActivityAt: now,
    enrolledAt: null,
    ownerAdvisorId: null,
    ownerAcceptedAt: null,
    unsubscribedAt: null,
    erasedAt: null,
    grants: {},
    trial: null,
    viewedContentIds: [],
  };
}

export async function testSendCampaignStep(
  ctx: AppContext,
  options: { campaignId: string; stepId: string; leadId?: string | undefined; staffId: string },
): Promise<CampaignTestSendResponse> {
  const row = await findCampaignRow(ctx.db, options.campaignId);
  if (!row)
    throw new AppError('not_found', `Campaign ${options.campaignId} not found`, { userMessage: '活动不存在或已删除' });
  const step = parseCampaignDocument(row.document).steps.find((s) => s.id === options.stepId);
  if (!step) {
    throw new AppError('not_found', `Step ${options.stepId} not in campaign ${row.id}`, {
      userMessage: '该活动没有这个步骤',
    });
  }
  const now = ctx.now();
  const templateIds = getTemplateIds(ctx.env);
  let lead = sampleLeadFacts(now);
  if (options.leadId) {
    const found = (await loadCampaignLeadFacts(ctx.db, [options.leadId], templateIds)).get(options.leadId);
    if (!found) {
      throw new AppError('not_found', `Lead ${options.leadId} not found`, { userMessage: STAFF_MESSAGES.leadNotFound });
    }
    lead = found;
  }
  const catalogue = await listPublishedContent(ctx.db, now);
  const { view, composed } = previewStep({
    campaignId: row.id,
    step,
    lead,
    channel: 'subscribe_message',
    catalogue,
  });
  const leadId = options.leadId ?? null;
  if (!composed.ok) return { leadId, step: view, delivery: { status: 'not_rendered', errcode: null } };
  const staff = await findStaffById(ctx.db, options.staffId);
  if (!staff?.openid) return { leadId, step: view, delivery: { status: 'no_openid', errcode: null } };
  const outcome = await ctx.wechat.deliverSubscribeMessage({
    toOpenId: staff.openid,
    templateId: templateIds[step.message.template],
    page: composed.rendered.page,
    data: composed.rendered.data,
  });
  if (outcome.kind === 'sent') return { leadId, step: view, delivery: { status: 'sent', errcode: null } };
  ctx.logger.info('campaign test send refused', { campaignId: row.id, stepId: step.id, outcome: outcome.kind });
  const errcode = 'errcode' in outcome ? outcome.errcode : null;
  return { leadId, step: view, delivery: { status: 'refused', errcode } };
}
