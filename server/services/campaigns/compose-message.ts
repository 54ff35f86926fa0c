/**
 * What one step sends one lead (SPEC §2.5): the A/B variant (deterministic per lead), the content
 * it picks, and the rendered fields and page. The runner and the manager's preview both call
 * this, so the preview shows exactly what will be sent.
 */
import {
  assignVariant,
  type CampaignChannel,
  type CampaignContent,
  type CampaignDocument,
  type CampaignLeadFacts,
  type CampaignStep,
  getSubscribeTemplate,
  pickContent,
  type RenderedMessage,
  renderMessage,
} from '@scrm/shared';

export type ComposedMessage =
  | {
      ok: true;
      variant: string | null;
      content: CampaignContent | null;
      rendered: Extract<RenderedMessage, { ok: true }>;
    }
  | { ok: false; variant: string | null; reason: 'no_content' | 'render_refused'; detail: string };

/** The step whose occurrence key is `stepKey` (`welcome-1` or `remind@<booking id>`). */
export function findStep(document: CampaignDocument, stepKey: string): CampaignStep | null {
  const id = stepKey.split('@')[0];
  return document.steps.find((s) => s.id === id) ?? null;
}

export function composeMessage(input: {
  campaignId: string;
  step: CampaignStep;
  lead: CampaignLeadFacts;
  channel: CampaignChannel;
  catalogue: readonly CampaignContent[];
}): ComposedMessage {
  const { step, lead } = input;
  const variant = step.variants?.length
    ? assignVariant({ campaignId: input.campaignId, stepId: step.id, leadId: lead.leadId, variants: step.variants })
    : null;
  const pick = step.variants?.find((v) => v.key === variant)?.content ?? step.content;
  const content = pick ? pickContent(pick, lead, input.catalogue) : null;
  if (pick && !content) return { ok: false, variant, reason: 'no_content', detail: 'nothing new at this stage' };
  const rendered = renderMessage({
    campaignId: input.campaignId,
    step,
    template: getSubscribeTemplate(step.message.template),
    variant,
    channel: input.channel,
    lead,
    content,
  });
  if (!rendered.ok) {
    return { ok: false, variant, reason: 'render_refused', detail: `${rendered.reason}: ${rendered.detail}` };
  }
  return { ok: true, variant, content, rendered };
}

/** The in-app message (站内消息) of a rendered step: the template's title and its fields as lines. */
export function toInAppMessage(step: CampaignStep, rendered: Extract<RenderedMessage, { ok: true }>) {
  return {
    title: getSubscribeTemplate(step.message.template).title,
    body: rendered.fields.map((f) => `${f.label}：${f.value}`).join('\n'),
    page: rendered.page,
  };
}
