/**
 * A campaign step (SPEC §2.5 "steps with delays", issue 13): when it is due (a delay after entry or
 * relative to an event, e.g. 24 h before the booked class), an optional condition, the message
 * (template, field mapping, page) and optional A/B variants.
 */
import { z } from 'zod';
import { audiencePredicateSchema } from './audience.js';
import { contentPickSchema } from './content-pick.js';
import { CAMPAIGN_DESTINATIONS } from './page-link.js';
import { checkStepFields } from './step-fields.js';
import { SUBSCRIBE_TEMPLATE_KEYS } from './subscribe-templates.js';

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

const fieldsSchema = z.record(
  z.string().regex(/^[a-z_]+\d{1,3}$/),
  z.string().min(1, { error: '不能为空' }).max(100, { error: '最多 100 字' }),
);
const stepIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { error: '步骤编号只能是小写字母、数字和“-”，最多 32 个' });

export const stepMessageSchema = z.strictObject({
  template: z.enum(SUBSCRIBE_TEMPLATE_KEYS),
  /** One text per template field; `{placeholder}`s are filled per lead (see MESSAGE_PLACEHOLDERS). */
  fields: fieldsSchema,
  /** The page the message opens; `content` opens the picked content. */
  link: z.enum(CAMPAIGN_DESTINATIONS),
});
export type StepMessage = z.infer<typeof stepMessageSchema>;

export const stepVariantSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9]{0,7}$/, { error: '版本名只能是小写字母开头的字母或数字，最多 8 个' }),
  weight: z
    .number()
    .int({ error: '比例须为整数' })
    .min(1, { error: '比例最小为 1' })
    .max(100, { error: '比例最大为 100' }),
  /** Fields this variant writes differently (the rest come from the step's message). */
  fields: fieldsSchema.optional(),
  content: contentPickSchema.optional(),
});
export type StepVariant = z.infer<typeof stepVariantSchema>;

export const campaignStepSchema = z
  .strictObject({
    id: stepIdSchema,
    /** Chinese, shown to managers. */
    label: z.string().trim().min(1, { error: '请填写步骤名称' }).max(40, { error: '步骤名称最多 40 字' }),
    timing: z.strictObject({
      anchor: z.enum(STEP_ANCHORS),
      /** Minutes after the anchor (negative: before it, only for `trial_start`). */
      offsetMinutes: z
        .number()
        .int({ error: '时间须为整分钟' })
        .min(-30 * MINUTES_PER_DAY, { error: '最多提前 30 天' })
        .max(365 * MINUTES_PER_DAY, { error: '最多延后 365 天' }),
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
    variants: z
      .array(stepVariantSchema)
      .min(2, { error: 'A/B 测试至少要 2 个版本' })
      .max(5, { error: 'A/B 测试最多 5 个版本' })
      .optional(),
  })
  .superRefine((step, ctx) => {
    if (step.timing.offsetMinutes < 0 && step.timing.anchor !== 'trial_start') {
      ctx.addIssue({ code: 'custom', path: ['timing', 'offsetMinutes'], message: '只有“试听开始”可以设在之前' });
    }
    const keys = new Set<string>();
    for (const [i, variant] of (step.variants ?? []).entries()) {
      if (keys.has(variant.key))
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'key'], message: `版本名 ${variant.key} 重复` });
      keys.add(variant.key);
    }
    // A problem of a text a variant writes is that variant's; one of an inherited text is the
    // step's own, said once however many variants inherit it.
    const said = new Set<string>();
    const report = (path: (string | number)[], message: string) => {
      const key = `${path.join('.')}:${message}`;
      if (said.has(key)) return;
      said.add(key);
      ctx.addIssue({ code: 'custom', path, message });
    };
    const versions = step.variants?.length
      ? step.variants.map((v, i) => ({ index: i as number | null, variant: v, content: v.content ?? step.content }))
      : [{ index: null, variant: undefined, content: step.content }];
    for (const { index, variant, content } of versions) {
      const fields = { ...step.message.fields, ...variant?.fields };
      for (const problem of checkStepFields(step.message, fields, content !== undefined)) {
        const isVariants = index !== null && variant?.fields !== undefined && problem.at in variant.fields;
        if (problem.at === 'template' || problem.at === 'link') report(['message', problem.at], problem.message);
        else if (isVariants) report(['variants', index, 'fields', problem.at], problem.message);
        else report(['message', 'fields', problem.at], problem.message);
      }
    }
  });
export type CampaignStep = z.infer<typeof campaignStepSchema>;
export type CampaignStepInput = z.input<typeof campaignStepSchema>;
