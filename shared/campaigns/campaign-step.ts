/**
 * A campaign step (SPEC §2.5 "steps with delays", issue 13): when it is due (a delay after entry or
 * relative to an event, e.g. 24 h before the booked class), an optional condition, the message
 * (template, field mapping, page) and optional A/B variants.
 */
import { z } from 'zod';
import { audiencePredicateSchema } from './audience.js';
import { contentPickSchema } from './content-pick.js';
import { CAMPAIGN_DESTINATIONS } from './page-link.js';
import { getSubscribeTemplate, SUBSCRIBE_TEMPLATE_KEYS } from './subscribe-templates.js';
import { checkFieldValue, getFieldKind, WECHAT_FIELD_MAX_LENGTH, type WechatFieldKind } from './wechat-fields.js';

const MINUTES_PER_DAY = 1440;

/** What a step's delay counts from (the lead's facts; `entry` is when it entered the campaign). */
export const STEP_ANCHORS = [
  'entry',
  'registered',
  'trial_start',
  'journey_stage_entered',
  'lifecycle_stage_entered',
  'enrolled',
] as const;
export type StepAnchor = (typeof STEP_ANCHORS)[number];

/** Values a field may take from the lead, the content or the booking, written `{name}` in a field. */
export const MESSAGE_PLACEHOLDERS = [
  'leadName',
  'contentTitle',
  'courseName',
  'sessionTime',
  'campusName',
  'campusAddress',
] as const;
export type MessagePlaceholder = (typeof MESSAGE_PLACEHOLDERS)[number];

/** The field kinds a placeholder may fill on its own; in a `thing` any placeholder may be embedded. */
const PLACEHOLDER_KINDS: Record<MessagePlaceholder, readonly WechatFieldKind[]> = {
  leadName: ['name', 'thing'],
  contentTitle: ['thing'],
  courseName: ['thing'],
  sessionTime: ['time', 'date', 'thing'],
  campusName: ['thing'],
  campusAddress: ['thing'],
};

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The placeholders a field text uses, e.g. `['leadName']` for `{leadName}，欢迎！`. */
export function listPlaceholders(text: string): string[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] as string);
}

const fieldsSchema = z.record(z.string().regex(/^[a-z_]+\d{1,3}$/), z.string().min(1).max(100));
const stepIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { error: 'step id: lowercase kebab-case, ≤ 32' });

export const stepMessageSchema = z.strictObject({
  template: z.enum(SUBSCRIBE_TEMPLATE_KEYS),
  /** One text per template field; `{placeholder}`s are filled per lead (see MESSAGE_PLACEHOLDERS). */
  fields: fieldsSchema,
  /** The page the message opens; `content` opens the picked content. */
  link: z.enum(CAMPAIGN_DESTINATIONS),
});
export type StepMessage = z.infer<typeof stepMessageSchema>;

export const stepVariantSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9]{0,7}$/, { error: 'variant key: lowercase, ≤ 8' }),
  weight: z.number().int().min(1).max(100),
  /** Fields this variant writes differently (the rest come from the step's message). */
  fields: fieldsSchema.optional(),
  content: contentPickSchema.optional(),
});
export type StepVariant = z.infer<typeof stepVariantSchema>;

export const campaignStepSchema = z
  .strictObject({
    id: stepIdSchema,
    /** Chinese, shown to managers. */
    label: z.string().trim().min(1).max(40),
    timing: z.strictObject({
      anchor: z.enum(STEP_ANCHORS),
      /** Minutes after the anchor (negative: before it, only for `trial_start`). */
      offsetMinutes: z
        .number()
        .int()
        .min(-30 * MINUTES_PER_DAY)
        .max(365 * MINUTES_PER_DAY),
    }),
    /** A send that cannot go out this long after it was due is skipped (a reminder after class is noise). */
    expiresAfterMinutes: z
      .number()
      .int()
      .min(10)
      .max(60 * MINUTES_PER_DAY)
      .default(3 * MINUTES_PER_DAY),
    /** Only leads matching this get the step (checked when planned and again when sent). */
    when: audiencePredicateSchema.optional(),
    message: stepMessageSchema,
    content: contentPickSchema.optional(),
    variants: z.array(stepVariantSchema).min(2).max(5).optional(),
  })
  .superRefine((step, ctx) => {
    if (step.timing.offsetMinutes < 0 && step.timing.anchor !== 'trial_start') {
      ctx.addIssue({ code: 'custom', path: ['timing', 'offsetMinutes'], message: 'only trial_start may be before' });
    }
    const keys = new Set<string>();
    for (const variant of step.variants ?? []) {
      if (keys.has(variant.key))
        ctx.addIssue({ code: 'custom', path: ['variants'], message: `duplicate ${variant.key}` });
      keys.add(variant.key);
    }
    const versions = step.variants?.length
      ? step.variants.map((v) => ({
          fields: { ...step.message.fields, ...v.fields },
          content: v.content ?? step.content,
        }))
      : [{ fields: step.message.fields, content: step.content }];
    for (const version of versions) {
      for (const problem of checkStepFields(step.message, version.fields, version.content !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['message', 'fields'], message: problem });
      }
    }
  });
export type CampaignStep = z.infer<typeof campaignStepSchema>;
export type CampaignStepInput = z.input<typeof campaignStepSchema>;

/**
 * Problems of a step's field texts against its template (empty when none): every template field
 * is written and no other; a placeholder fills only a field of a kind it fits; a fixed text passes
 * WeChat's rule as written (a `thing` text with placeholders is shortened per lead instead).
 */
export function checkStepFields(message: StepMessage, fields: Record<string, string>, hasContent: boolean): string[] {
  const template = getSubscribeTemplate(message.template);
  const problems: string[] = [];
  if (template.recipient !== 'lead') problems.push(`template ${template.key} is not sent to leads`);
  const wanted = template.fields.map((f) => f.key);
  for (const key of wanted) if (!(key in fields)) problems.push(`${key}: missing`);
  for (const [key, text] of Object.entries(fields)) {
    const kind = getFieldKind(key);
    if (!wanted.includes(key) || kind === null) {
      problems.push(`${key}: not a field of ${template.key}`);
      continue;
    }
    const used = listPlaceholders(text);
    for (const name of used) {
      if (!(MESSAGE_PLACEHOLDERS as readonly string[]).includes(name)) problems.push(`${key}: unknown {${name}}`);
    }
    if ((used.includes('contentTitle') || message.link === 'content') && !hasContent) {
      problems.push(`${key}: the step needs a content pick`);
    }
    if (used.length === 0) {
      const violation = checkFieldValue(kind, text);
      if (violation) problems.push(`${key}: "${text}" breaks the ${kind} rule (${violation})`);
    } else if (kind !== 'thing') {
      const only = used[0] as MessagePlaceholder;
      const fits = used.length === 1 && text === `{${only}}` && PLACEHOLDER_KINDS[only]?.includes(kind);
      if (!fits) problems.push(`${key}: a ${kind} field takes only one of its placeholders, as the whole text`);
    } else if (text.replace(PLACEHOLDER, '').length > WECHAT_FIELD_MAX_LENGTH.thing) {
      problems.push(`${key}: the fixed text alone is over ${WECHAT_FIELD_MAX_LENGTH.thing} characters`);
    }
  }
  return problems;
}
