/**
 * Pure edits of a campaign document on the manager's editor (issue 13 §3): the audience's stage
 * restrictions, a step's delay and field texts, the send hours. The server validates the whole
 * document again on save; these only keep the editor's changes small and predictable.
 */
import type {
  AudiencePredicate,
  CampaignAction,
  CampaignDocument,
  CampaignStatusValue,
  CampaignStep,
} from '@scrm/shared';

/** Audience conditions the editor offers as chips (the rest of a track's audience is kept as is). */
export type StageRestrictionKind = 'lifecycle_stage' | 'journey_stage';
type StageCondition = Extract<AudiencePredicate, { kind: StageRestrictionKind }>;

const isRestriction = (p: AudiencePredicate, kind: StageRestrictionKind): p is StageCondition =>
  'kind' in p && p.kind === kind;

/** The stages a top-level restriction of that kind allows, or `[]` when there is none. */
export function getStageRestriction(audience: AudiencePredicate, kind: StageRestrictionKind): string[] {
  const parts = 'all' in audience ? audience.all : [audience];
  const found = parts.find((p) => isRestriction(p, kind));
  return found && 'in' in found ? [...found.in] : [];
}

/**
 * The audience with its top-level restriction of `kind` set to `stages` (removed when empty). The
 * track's own conditions stay: a restriction is one more `all` condition, never a replacement.
 */
export function setStageRestriction(
  audience: AudiencePredicate,
  kind: StageRestrictionKind,
  stages: readonly string[],
): AudiencePredicate {
  const parts = ('all' in audience ? audience.all : [audience]).filter((p) => !isRestriction(p, kind));
  const next = stages.length > 0 ? [...parts, { kind, in: [...stages] } as StageCondition] : parts;
  return next.length === 1 && !('all' in audience) ? (next[0] as AudiencePredicate) : { all: next };
}

/** The list with `value` added, or removed when it was there (a chip toggled). */
export function toggleValue(values: readonly string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;

/** `进入后 10 分钟`, `注册后 7 天`, `试听开始前 1 天 2 小时`: a step's timing in words. */
export function describeTiming(timing: CampaignStep['timing'], anchors: Record<string, string>): string {
  const minutes = Math.abs(timing.offsetMinutes);
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const hours = Math.floor((minutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  const rest = minutes % MINUTES_PER_HOUR;
  const parts = [days && `${days} 天`, hours && `${hours} 小时`, rest && `${rest} 分钟`].filter(Boolean);
  const anchor = anchors[timing.anchor] ?? timing.anchor;
  if (parts.length === 0) return `${anchor}时`;
  return `${anchor}${timing.offsetMinutes < 0 ? '前' : '后'} ${parts.join(' ')}`;
}

/** Minutes from the editor's hours text (`0.5` is half an hour); `null` when it is not a number. */
export function parseDelayHours(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * MINUTES_PER_HOUR);
}

/** A step's delay in hours for the editor's input: `168`, `0.5`. */
export function formatDelayHours(offsetMinutes: number): string {
  return String(Math.round((offsetMinutes / MINUTES_PER_HOUR) * 100) / 100);
}

/** The document with one step changed. */
export function updateStep(
  document: CampaignDocument,
  stepId: string,
  change: (step: CampaignStep) => CampaignStep,
): CampaignDocument {
  return { ...document, steps: document.steps.map((s) => (s.id === stepId ? change(s) : s)) };
}

/** The document with one field text of one step set. */
export function setStepField(document: CampaignDocument, stepId: string, key: string, text: string): CampaignDocument {
  return updateStep(document, stepId, (s) => ({
    ...s,
    message: { ...s.message, fields: { ...s.message.fields, [key]: text } },
  }));
}

/** The document with the delay of one step set (minutes after its anchor). */
export function setStepDelay(document: CampaignDocument, stepId: string, offsetMinutes: number): CampaignDocument {
  return updateStep(document, stepId, (s) => ({ ...s, timing: { ...s.timing, offsetMinutes } }));
}

/** The document with its daily send hours set (`HH:MM`, Shanghai time). */
export function setSendHours(document: CampaignDocument, from: string, to: string): CampaignDocument {
  const { window } = document.sendRules;
  return { ...document, sendRules: { ...document.sendRules, window: { ...window, sendHours: { from, to } } } };
}

/** `12.5%`: a click rate (0–1) for the A/B table; `—` when nothing was sent. */
export function formatRate(clicked: number, sent: number): string {
  if (sent === 0) return '—';
  return `${Math.round((clicked / sent) * 1000) / 10}%`;
}

/** What a manager may do to a campaign in each status, in the order the buttons show. */
export function getCampaignActions(status: CampaignStatusValue): CampaignAction[] {
  switch (status) {
    case 'draft':
      return ['activate', 'archive'];
    case 'active':
      return ['pause', 'archive'];
    case 'paused':
      return ['resume', 'archive'];
    case 'archived':
      return [];
  }
}
