import {
  BUILT_IN_CAMPAIGNS,
  type CampaignDocument,
  campaignDocumentSchema,
  SUBSCRIBE_TEMPLATE_KEYS,
  SUBSCRIBE_TEMPLATES,
} from '@scrm/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addStep,
  addVariant,
  defaultFields,
  fromTimingDraft,
  parseAmount,
  removeStep,
  removeVariant,
  setStepLink,
  setStepTemplate,
  setStepTiming,
  setVariantField,
  setVariantWeight,
  toTimingDraft,
} from './campaign-step-draft';

const welcome = campaignDocumentSchema.parse(BUILT_IN_CAMPAIGNS.find((d) => d.key === 'welcome'));
const ANCHORS = [
  'entry',
  'registered',
  'trial_start',
  'journey_stage_entered',
  'lifecycle_stage_entered',
  'enrolled',
] as const;
const LEAD_TEMPLATES = SUBSCRIBE_TEMPLATE_KEYS.filter((k) => SUBSCRIBE_TEMPLATES[k].recipient === 'lead');
const isValid = (document: CampaignDocument) => {
  const parsed = campaignDocumentSchema.safeParse(document);
  return parsed.success ? true : parsed.error.issues;
};

describe('a step’s timing <-> before/after, amount and unit', () => {
  it('reads back every offset the schema allows, in the largest whole unit (property)', () => {
    const timingArb = fc.constantFrom(...ANCHORS).chain((anchor) =>
      fc.record({
        anchor: fc.constant(anchor),
        offsetMinutes: fc.integer({ min: anchor === 'trial_start' ? -43_200 : 0, max: 525_600 }),
      }),
    );
    fc.assert(
      fc.property(timingArb, fc.constantFrom(undefined, 'minute', 'hour', 'day' as const), (timing, unit) => {
        const draft = toTimingDraft(timing, unit);
        expect(fromTimingDraft(draft)).toEqual(timing);
        expect(Number.isInteger(draft.amount)).toBe(true);
      }),
    );
  });

  it('says 24 hours before the booked class as one day before the trial starts', () => {
    expect(toTimingDraft({ anchor: 'trial_start', offsetMinutes: -1440 })).toEqual({
      anchor: 'trial_start',
      direction: 'before',
      amount: 1,
      unit: 'day',
    });
    expect(fromTimingDraft({ anchor: 'trial_start', direction: 'before', amount: 24, unit: 'hour' })).toEqual({
      anchor: 'trial_start',
      offsetMinutes: -1440,
    });
    expect(toTimingDraft({ anchor: 'entry', offsetMinutes: 90 })).toMatchObject({ amount: 90, unit: 'minute' });
    // The unit the manager picked stays while it writes the offset whole.
    expect(toTimingDraft({ anchor: 'trial_start', offsetMinutes: -1440 }, 'hour')).toMatchObject({
      amount: 24,
      unit: 'hour',
    });
    expect(toTimingDraft({ anchor: 'entry', offsetMinutes: 90 }, 'hour')).toMatchObject({ amount: 90, unit: 'minute' });
    expect(fromTimingDraft({ anchor: 'entry', direction: 'after', amount: 0.5, unit: 'hour' }).offsetMinutes).toBe(30);
    // Only the trial class can be before: the other anchors have not happened yet.
    expect(fromTimingDraft({ anchor: 'registered', direction: 'before', amount: 2, unit: 'day' }).offsetMinutes).toBe(
      2880,
    );
  });

  it('reads an amount as typed', () => {
    expect(parseAmount(' 24 ')).toBe(24);
    expect(parseAmount('0.5')).toBe(0.5);
    expect(parseAmount('-1')).toBeNull();
    expect(parseAmount('一天')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });
});

describe('steps added, removed and rewritten stay valid documents', () => {
  it.each(LEAD_TEMPLATES)('a new %s step passes the schema with its starting texts', (template) => {
    const added = addStep(welcome, template);
    expect(added.steps).toHaveLength(welcome.steps.length + 1);
    expect(added.steps.at(-1)).toMatchObject({ message: { template, fields: defaultFields(template), link: 'home' } });
    expect(isValid(added)).toBe(true);
  });

  it('gives each added step its own id and removes steps down to one', () => {
    const two = addStep(addStep(welcome, 'new_content'), 'course_update');
    expect(new Set(two.steps.map((s) => s.id)).size).toBe(two.steps.length);
    let one = two;
    for (const step of two.steps) one = removeStep(one, step.id);
    expect(one.steps).toHaveLength(1);
  });

  it('a step 24 hours before the booked class, on the trial reminder template, opening the trial page', () => {
    const added = addStep(welcome, 'trial_reminder');
    const id = added.steps.at(-1)?.id ?? '';
    const timed = setStepTiming(added, id, { anchor: 'trial_start', direction: 'before', amount: 24, unit: 'hour' });
    const linked = setStepLink(timed, id, 'trial');
    expect(linked.steps.at(-1)).toMatchObject({ timing: { anchor: 'trial_start', offsetMinutes: -1440 } });
    expect(isValid(linked)).toBe(true);
  });

  it('switching the template writes the new template’s fields; the content page brings a content pick', () => {
    const id = welcome.steps[0]?.id ?? '';
    const switched = setStepTemplate(welcome, id, 'referral_invite');
    expect(Object.keys(switched.steps[0]?.message.fields ?? {})).toEqual(['thing1', 'thing2', 'thing3']);
    expect(isValid(switched)).toBe(true);
    const added = addStep(welcome, 'course_update');
    const newId = added.steps.at(-1)?.id ?? '';
    expect(setStepLink(added, newId, 'content').steps.at(-1)?.content).toEqual({
      stage: 'lead_stage',
      topic: 'lead_interest',
    });
    expect(isValid(setStepLink(added, newId, 'content'))).toBe(true);
  });
});

describe('A/B variants', () => {
  const id = welcome.steps[0]?.id ?? '';
  it('adds two at first, then one at a time up to five, and removing to one ends the test', () => {
    const two = addVariant(welcome, id);
    expect(two.steps[0]?.variants).toEqual([
      { key: 'a', weight: 50 },
      { key: 'b', weight: 50 },
    ]);
    expect(isValid(two)).toBe(true);
    let five = two;
    for (let i = 0; i < 5; i++) five = addVariant(five, id);
    expect(five.steps[0]?.variants?.map((v) => v.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const back = removeVariant(removeVariant(removeVariant(removeVariant(five, id, 'c'), id, 'd'), id, 'e'), id, 'a');
    expect(back.steps[0]?.variants).toBeUndefined();
    expect(isValid(back)).toBe(true);
  });

  it('a variant writes only the texts it changes; emptied or equal to the step’s, it inherits again', () => {
    const two = setVariantWeight(addVariant(welcome, id), id, 'b', 30);
    const written = setVariantField(two, id, 'b', 'thing2', '本周限时免费');
    expect(written.steps[0]?.variants?.[1]).toEqual({ key: 'b', weight: 30, fields: { thing2: '本周限时免费' } });
    expect(isValid(written)).toBe(true);
    expect(setVariantField(written, id, 'b', 'thing2', '').steps[0]?.variants?.[1]).toEqual({ key: 'b', weight: 30 });
    const own = welcome.steps[0]?.message.fields.thing2 ?? '';
    expect(setVariantField(written, id, 'b', 'thing2', own).steps[0]?.variants?.[1]).toEqual({ key: 'b', weight: 30 });
  });

  it('switching the template drops the variants’ texts of the old fields, keeping their shares', () => {
    const written = setVariantField(addVariant(welcome, id), id, 'b', 'thing2', '换个说法');
    const switched = setStepTemplate(written, id, 'trial_reminder');
    expect(switched.steps[0]?.variants).toEqual([
      { key: 'a', weight: 50 },
      { key: 'b', weight: 50 },
    ]);
  });
});
