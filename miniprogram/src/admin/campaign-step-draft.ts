/**
 * Pure edits of a campaign's steps on the manager's editor (issue 13 §1, §3): when a step is due
 * (after entry, or before or after an event such as the booked class), its template and field
 * texts, the page it opens, adding and removing steps and A/B variants. The server validates the
 * whole document on save; these keep each edit small and the document's shape valid.
 */
import {
  type CampaignDocument,
  type CampaignStep,
  getFieldKind,
  getSubscribeTemplate,
  type StepVariant,
  type SubscribeTemplateKey,
} from '@scrm/shared';
import { updateStep } from './campaign-draft';

export type TimingUnit = 'minute' | 'hour' | 'day';
export const UNIT_MINUTES: Record<TimingUnit, number> = { minute: 1, hour: 60, day: 1440 };

/** A step's timing as the editor shows it: `试听开始` · `前` · `1` · `天`. */
export interface TimingDraft {
  anchor: CampaignStep['timing']['anchor'];
  direction: 'before' | 'after';
  amount: number;
  unit: TimingUnit;
}

/**
 * The offset in the unit the manager chose when it writes it as a whole number (24 小时 stays 24
 * hours), else in the largest unit that does (a day, else an hour, else minutes).
 */
export function toTimingDraft(timing: CampaignStep['timing'], preferredUnit?: TimingUnit): TimingDraft {
  const minutes = Math.abs(timing.offsetMinutes);
  const largest: TimingUnit =
    minutes !== 0 && minutes % UNIT_MINUTES.day === 0 ? 'day' : minutes % UNIT_MINUTES.hour === 0 ? 'hour' : 'minute';
  const unit = preferredUnit && minutes % UNIT_MINUTES[preferredUnit] === 0 ? preferredUnit : largest;
  return {
    anchor: timing.anchor,
    direction: timing.offsetMinutes < 0 ? 'before' : 'after',
    amount: minutes / UNIT_MINUTES[unit],
    unit,
  };
}

/** Minutes from the anchor (rounded to a whole minute: `0.5` hour is 30). Only `trial_start` may be before. */
export function fromTimingDraft(draft: TimingDraft): CampaignStep['timing'] {
  const minutes = Math.round(draft.amount * UNIT_MINUTES[draft.unit]);
  const isBefore = draft.direction === 'before' && draft.anchor === 'trial_start' && minutes !== 0;
  return { anchor: draft.anchor, offsetMinutes: isBefore ? -minutes : minutes };
}

/** A number as typed (`24`, `0.5`, ` 3 `); `null` when it is not one or is negative. */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

/** The document with one step's timing set. */
export function setStepTiming(document: CampaignDocument, stepId: string, draft: TimingDraft): CampaignDocument {
  return updateStep(document, stepId, (s) => ({ ...s, timing: fromTimingDraft(draft) }));
}

/**
 * A starting text for each field of a template that passes its rule as it is: the lead's name
 * where a name goes, the class time where a time goes, else the field's own label for the
 * manager to rewrite.
 */
export function defaultFields(template: SubscribeTemplateKey): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of getSubscribeTemplate(template).fields) {
    const kind = getFieldKind(field.key);
    fields[field.key] =
      kind === 'name'
        ? '{leadName}'
        : kind === 'time' || kind === 'date'
          ? '{sessionTime}'
          : kind === 'phrase'
            ? '待确认'
            : field.label;
  }
  return fields;
}

/** An id not taken by another step: `step-2`, `step-3`… */
function freeStepId(document: CampaignDocument): string {
  const taken = new Set(document.steps.map((s) => s.id));
  for (let n = document.steps.length + 1; ; n++) if (!taken.has(`step-${n}`)) return `step-${n}`;
}

/** The document with a new last step: a day after entry, the template's starting texts, opening the home page. */
export function addStep(document: CampaignDocument, template: SubscribeTemplateKey): CampaignDocument {
  const step: CampaignStep = {
    id: freeStepId(document),
    label: `第 ${document.steps.length + 1} 步`,
    timing: { anchor: 'entry', offsetMinutes: UNIT_MINUTES.day },
    expiresAfterMinutes: 3 * UNIT_MINUTES.day,
    message: { template, fields: defaultFields(template), link: 'home' },
  };
  return { ...document, steps: [...document.steps, step] };
}

/** The document without the step (a campaign keeps at least one). */
export function removeStep(document: CampaignDocument, stepId: string): CampaignDocument {
  if (document.steps.length <= 1) return document;
  return { ...document, steps: document.steps.filter((s) => s.id !== stepId) };
}

/** A new template: its own fields with starting texts; variants keep their weights but lose texts of the old fields. */
export function setStepTemplate(
  document: CampaignDocument,
  stepId: string,
  template: SubscribeTemplateKey,
): CampaignDocument {
  return updateStep(document, stepId, (s) => ({
    ...s,
    message: { ...s.message, template, fields: defaultFields(template) },
    ...(s.variants ? { variants: s.variants.map(({ fields: _old, ...v }) => v) } : {}),
  }));
}

/** The page the message opens; the content page opens the content the step picks (the lead's stage by default). */
export function setStepLink(
  document: CampaignDocument,
  stepId: string,
  link: CampaignStep['message']['link'],
): CampaignDocument {
  return updateStep(document, stepId, (s) => ({
    ...s,
    message: { ...s.message, link },
    ...(link === 'content' && !s.content ? { content: { stage: 'lead_stage', topic: 'lead_interest' } } : {}),
  }));
}

export function setStepLabel(document: CampaignDocument, stepId: string, label: string): CampaignDocument {
  return updateStep(document, stepId, (s) => ({ ...s, label }));
}

const VARIANT_KEYS = ['a', 'b', 'c', 'd', 'e'] as const;

/**
 * The step with one more A/B variant: a step without variants gets two, then one more at a time,
 * up to five, in equal shares. A new variant writes nothing of its own yet: it sends the step's
 * texts until the manager rewrites one.
 */
export function addVariant(document: CampaignDocument, stepId: string): CampaignDocument {
  return updateStep(document, stepId, (s) => {
    const current = s.variants ?? [{ key: 'a', weight: 50 }];
    const key = VARIANT_KEYS.find((k) => !current.some((v) => v.key === k));
    if (!key) return s;
    return { ...s, variants: [...current, { key, weight: 50 }] };
  });
}

/** The step without the variant; one left is no test, so the step goes back to its own texts. */
export function removeVariant(document: CampaignDocument, stepId: string, key: string): CampaignDocument {
  return updateStep(document, stepId, (s) => {
    const rest = (s.variants ?? []).filter((v) => v.key !== key);
    if (rest.length >= 2) return { ...s, variants: rest };
    const { variants: _gone, ...step } = s;
    return step;
  });
}

function updateVariant(
  document: CampaignDocument,
  stepId: string,
  key: string,
  change: (variant: StepVariant) => StepVariant,
): CampaignDocument {
  return updateStep(document, stepId, (s) => ({
    ...s,
    ...(s.variants ? { variants: s.variants.map((v) => (v.key === key ? change(v) : v)) } : {}),
  }));
}

/** One field text of a variant; the step's own text when set to it or emptied (the variant inherits it). */
export function setVariantField(
  document: CampaignDocument,
  stepId: string,
  key: string,
  field: string,
  text: string,
): CampaignDocument {
  const step = document.steps.find((s) => s.id === stepId);
  const isInherited = text === '' || text === step?.message.fields[field];
  return updateVariant(document, stepId, key, ({ fields, ...v }) => {
    const next = { ...fields };
    if (isInherited) delete next[field];
    else next[field] = text;
    return Object.keys(next).length ? { ...v, fields: next } : v;
  });
}

export function setVariantWeight(document: CampaignDocument, stepId: string, key: string, weight: number) {
  return updateVariant(document, stepId, key, (v) => ({ ...v, weight }));
}
