/**
 * The campaign editor's audience (issue 13 §1, §3): the document's predicate, a tree of `all`,
 * `any` and `not` (shared/campaigns/audience.ts), read as one slot per condition kind that the
 * editor shows as chips and number fields, all of them required together (`all`). What the slots
 * cannot hold (a nested `any`/`not` of a built-in track, a second condition of a kind) is kept as
 * it is, shown read-only, and written back beside the slots, so editing never loosens a track.
 */
import type { AudienceCondition, AudiencePredicate } from '@scrm/shared';

type ListOf<K extends AudienceCondition['kind']> = Extract<AudienceCondition, { kind: K; in: unknown }>['in'][number];
type Of<K extends AudienceCondition['kind']> = Extract<AudienceCondition, { kind: K }>;
export type AudienceEventKind = Of<'occurred_within'>['event'];

export interface AudienceDraft {
  lifecycle: ListOf<'lifecycle_stage'>[];
  journey: ListOf<'journey_stage'>[];
  roles: ListOf<'role'>[];
  campuses: string[];
  courses: string[];
  sources: string[];
  tags: string[];
  trialStatuses: ListOf<'trial_status'>[];
  /** Both bounds inclusive; `null`: no condition on the score. */
  score: { min?: number; max?: number } | null;
  inactive: { minDays: number; maxDays?: number } | null;
  /** `template` left out: the grant of the template of the step being planned. */
  hasGrant: { template?: Of<'has_grant'>['template'] } | null;
  /** Days back from now within which the event happened, per event. */
  within: Partial<Record<AudienceEventKind, number>>;
  /** Conditions the slots cannot hold, kept as they are. */
  kept: AudiencePredicate[];
}

/** The slots in the order they are written into the document's `all` (the server's issue paths count in it). */
export const AUDIENCE_SLOTS = [
  'lifecycle',
  'journey',
  'score',
  'campuses',
  'courses',
  'roles',
  'sources',
  'inactive',
  'hasGrant',
  'within.registered',
  'within.trial_booked',
  'within.enrolled',
  'trialStatuses',
  'tags',
] as const;
export type AudienceSlot = (typeof AUDIENCE_SLOTS)[number];

export const EMPTY_AUDIENCE_DRAFT: AudienceDraft = {
  lifecycle: [],
  journey: [],
  roles: [],
  campuses: [],
  courses: [],
  sources: [],
  tags: [],
  trialStatuses: [],
  score: null,
  inactive: null,
  hasGrant: null,
  within: {},
  kept: [],
};

const LIST_SLOTS = {
  lifecycle_stage: 'lifecycle',
  journey_stage: 'journey',
  role: 'roles',
  campus: 'campuses',
  course_interest: 'courses',
  source: 'sources',
  trial_status: 'trialStatuses',
} as const;

/** The condition of one slot, or `null` when the slot is empty. */
function slotCondition(draft: AudienceDraft, slot: AudienceSlot): AudienceCondition | null {
  if (slot.startsWith('within.')) {
    const event = slot.slice('within.'.length) as AudienceEventKind;
    const days = draft.within[event];
    return days === undefined ? null : { kind: 'occurred_within', event, days };
  }
  switch (slot) {
    case 'score':
      return draft.score && { kind: 'score', ...draft.score };
    case 'inactive':
      return draft.inactive && { kind: 'inactive', ...draft.inactive };
    case 'hasGrant':
      return draft.hasGrant && { kind: 'has_grant', ...draft.hasGrant };
    case 'tags':
      return draft.tags.length ? { kind: 'tags', anyOf: [...draft.tags] } : null;
    default: {
      const kind = (Object.keys(LIST_SLOTS) as (keyof typeof LIST_SLOTS)[]).find((k) => LIST_SLOTS[k] === slot);
      const values = draft[slot as (typeof LIST_SLOTS)[keyof typeof LIST_SLOTS]];
      return kind && values.length ? ({ kind, in: [...values] } as AudienceCondition) : null;
    }
  }
}

/** The slot a condition goes into, or `null` when the draft has no room for it (it is kept). */
function placeCondition(draft: AudienceDraft, c: AudienceCondition): AudienceDraft | null {
  switch (c.kind) {
    case 'score':
      return draft.score ? null : { ...draft, score: pick(c, ['min', 'max']) };
    case 'inactive':
      return draft.inactive ? null : { ...draft, inactive: { minDays: c.minDays, ...pick(c, ['maxDays']) } };
    case 'has_grant':
      return draft.hasGrant ? null : { ...draft, hasGrant: pick(c, ['template']) };
    case 'occurred_within':
      return draft.within[c.event] !== undefined ? null : { ...draft, within: { ...draft.within, [c.event]: c.days } };
    case 'tags':
      return draft.tags.length ? null : { ...draft, tags: [...c.anyOf] };
    default: {
      const slot = LIST_SLOTS[c.kind];
      return draft[slot].length ? null : { ...draft, [slot]: [...c.in] };
    }
  }
}

/** The keys of `value` that are set (a condition's optional bounds stay absent, not `undefined`). */
function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** The editor's view of an audience: top-level conditions into their slots, the rest kept. */
export function toAudienceDraft(audience: AudiencePredicate): AudienceDraft {
  const parts = 'all' in audience ? audience.all : [audience];
  let draft: AudienceDraft = { ...EMPTY_AUDIENCE_DRAFT, kept: [] };
  for (const part of parts) {
    const placed = 'kind' in part ? placeCondition(draft, part) : null;
    if (placed) draft = placed;
    else draft = { ...draft, kept: [...draft.kept, part] };
  }
  return draft;
}

/** The filled slots, in document order, then the kept conditions (`kept`). */
export function listAudienceParts(
  draft: AudienceDraft,
): { slot: AudienceSlot | 'kept'; predicate: AudiencePredicate }[] {
  const slots = AUDIENCE_SLOTS.flatMap((slot) => {
    const condition = slotCondition(draft, slot);
    return condition ? [{ slot, predicate: condition as AudiencePredicate }] : [];
  });
  return [...slots, ...draft.kept.map((predicate) => ({ slot: 'kept' as const, predicate }))];
}

/** The document's audience: every filled slot and every kept condition, all required. */
export function fromAudienceDraft(draft: AudienceDraft): AudiencePredicate {
  return { all: listAudienceParts(draft).map((p) => p.predicate) };
}

/**
 * The slot a server issue about the audience belongs to (`audience.all.2.max` → the slot of the
 * third condition), so its message shows next to that slot's field: `kept` for a condition the
 * slots do not hold, `null` for an issue about the whole audience.
 */
export function findAudienceSlot(audience: AudiencePredicate, path: readonly string[]): AudienceSlot | 'kept' | null {
  const part = 'all' in audience ? (path[0] === 'all' ? audience.all[Number(path[1])] : undefined) : audience;
  if (!part) return null;
  const written = JSON.stringify(part);
  const parts = listAudienceParts(toAudienceDraft(audience));
  return parts.find((p) => JSON.stringify(p.predicate) === written)?.slot ?? 'kept';
}
