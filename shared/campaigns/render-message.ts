/**
 * Rendering a step's message for one lead (SPEC §2.5 "personalisation: the lead's name and the
 * content title in the message", issue 13 "a preview shows exactly what will be sent"). The result
 * is the exact `data` object and `page` that `subscribeMessage.send` receives (the same text is the
 * in-app message), or the reason it cannot be sent; every value passes WeChat's field rules.
 */
import type { CampaignStep } from './campaign-step.js';
import type { CampaignContent, CampaignLeadFacts } from './lead-facts.js';
import { buildCampaignPagePath, type CampaignChannel } from './page-link.js';
import { formatShanghaiTime } from './shanghai-clock.js';
import { listPlaceholders, type MessagePlaceholder } from './step-fields.js';
import { getTemplateFieldKinds, type SubscribeTemplate } from './subscribe-templates.js';
import { type FieldViolation, fitFieldValue, type WechatFieldKind } from './wechat-fields.js';

/** How a lead without a usable name is addressed (a `name` field takes only names, SPEC §2.5). */
export const LEAD_NAME_FALLBACK = '同学';

export type RenderRefusal =
  | 'template_mismatch'
  | 'missing_content'
  | 'missing_trial'
  | 'missing_course'
  | FieldViolation;

export interface RenderedField {
  key: string;
  label: string;
  value: string;
  /** What was done to fit WeChat's rule; shown in the preview. */
  adjustment: 'none' | 'cleaned' | 'truncated' | 'fallback';
}

export type RenderedMessage =
  | { ok: true; data: Record<string, string>; page: string; fields: RenderedField[] }
  | { ok: false; reason: RenderRefusal; field: string | null; detail: string };

type Resolved = { value: string; isFallback: boolean } | { refusal: RenderRefusal; detail: string };

function resolvePlaceholder(
  name: MessagePlaceholder,
  kind: WechatFieldKind,
  lead: CampaignLeadFacts,
  content: CampaignContent | null,
): Resolved {
  const trial = lead.trial;
  switch (name) {
    case 'leadName': {
      const own = lead.name?.trim() ?? '';
      // A field of kind `name` takes only a valid name; elsewhere the name is free text.
      const usable = kind === 'name' ? fitFieldValue('name', own).ok : own.length > 0;
      return usable ? { value: own, isFallback: false } : { value: LEAD_NAME_FALLBACK, isFallback: true };
    }
    case 'contentTitle':
      return content
        ? { value: content.title, isFallback: false }
        : { refusal: 'missing_content', detail: 'no content' };
    case 'courseName': {
      const course = trial?.courseName ?? lead.courseName;
      return course ? { value: course, isFallback: false } : { refusal: 'missing_course', detail: 'no course' };
    }
    case 'sessionTime':
      return trial
        ? { value: formatShanghaiTime(trial.startsAt, kind !== 'thing'), isFallback: false }
        : { refusal: 'missing_trial', detail: 'no booking' };
    case 'campusName':
      return trial
        ? { value: trial.campusName, isFallback: false }
        : { refusal: 'missing_trial', detail: 'no booking' };
    case 'campusAddress':
      return trial
        ? { value: trial.campusAddress, isFallback: false }
        : { refusal: 'missing_trial', detail: 'no booking' };
    default: {
      const never: never = name;
      return { refusal: 'template_mismatch', detail: `unknown {${String(never)}}` };
    }
  }
}

/**
 * The message `step` sends to `lead` (SPEC §2.5): each field's text with its placeholders filled
 * (the variant's texts where it has its own), then made to fit WeChat's rule for the field's kind
 * (`fitFieldValue`: free text shortened with `…`, anything else refused rather than falsified); a
 * lead name that a `name` field cannot take becomes `同学`. The page carries the campaign, step,
 * variant and channel so an open is attributed (`buildCampaignPagePath`).
 *
 * @example
 * const preview = renderMessage({ campaignId, step, template: getSubscribeTemplate(step.message.template), variant: null, channel: 'subscribe_message', lead, content });
 * if (preview.ok) await wechat.sendSubscribeMessage({ toOpenId, templateId, data: preview.data, page: preview.page });
 */
export function renderMessage(input: {
  campaignId: string;
  step: CampaignStep;
  template: SubscribeTemplate;
  variant: string | null;
  channel: CampaignChannel;
  lead: CampaignLeadFacts;
  content: CampaignContent | null;
}): RenderedMessage {
  const { step, template, lead, content } = input;
  if (template.key !== step.message.template) {
    return {
      ok: false,
      reason: 'template_mismatch',
      field: null,
      detail: `${template.key} ≠ ${step.message.template}`,
    };
  }
  const variant = step.variants?.find((v) => v.key === input.variant);
  const texts = { ...step.message.fields, ...variant?.fields };
  const kinds = getTemplateFieldKinds(template);
  const data: Record<string, string> = {};
  const fields: RenderedField[] = [];
  for (const { key, label } of template.fields) {
    const kind = kinds[key];
    const text = texts[key];
    if (kind === undefined || text === undefined) {
      return { ok: false, reason: 'template_mismatch', field: key, detail: `${key} is not written by the step` };
    }
    const values = new Map<string, string>();
    let isFallback = false;
    for (const name of listPlaceholders(text)) {
      const resolved = resolvePlaceholder(name as MessagePlaceholder, kind, lead, content);
      if ('refusal' in resolved) return { ok: false, reason: resolved.refusal, field: key, detail: resolved.detail };
      values.set(name, resolved.value);
      isFallback ||= resolved.isFallback;
    }
    const filled = text.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values.get(name) ?? whole);
    const fitted = fitFieldValue(kind, filled);
    if (!fitted.ok) return { ok: false, reason: fitted.violation, field: key, detail: `${kind}: "${filled}"` };
    data[key] = fitted.value;
    fields.push({ key, label, value: fitted.value, adjustment: isFallback ? 'fallback' : fitted.adjustment });
  }
  const page = buildCampaignPagePath({
    to: step.message.link,
    contentId: content?.id ?? null,
    link: {
      campaignId: input.campaignId,
      stepId: step.id,
      variant: variant ? variant.key : null,
      channel: input.channel,
    },
  });
  return { ok: true, data, page, fields };
}
