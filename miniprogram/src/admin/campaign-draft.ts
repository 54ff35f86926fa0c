/**
 * Pure edits of a campaign document on the manager's editor (issue 13 §3): a step's field texts,
 * the send hours, and where in the editor a refusal of the server belongs. The audience and the
 * steps' own edits are in campaign-audience-draft.ts and campaign-step-draft.ts. The server
 * validates the whole document again on save; these only keep the editor's changes small.
 */
import type { CampaignAction, CampaignDocument, CampaignStatusValue, CampaignStep } from '@scrm/shared';
import { findAudienceSlot } from './campaign-audience-draft';

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

/**
 * The editor's field a server issue belongs to (`PUT …/document` answers `document.steps.1.message.fields.thing1`):
 * `audience.<slot>`, `sendHours`, `step.<id>.field.<key>`, `step.<id>.variant.<key>.field.<key>`,
 * `step.<id>.<timing|label|template|link|variants>`, or `general` for what has no field of its own.
 */
export function locateIssue(document: CampaignDocument, issuePath: string): string {
  const path = issuePath.split('.');
  if (path[0] === 'document') path.shift();
  const [section, index, part, ...rest] = path;
  if (section === 'audience') {
    const slot = findAudienceSlot(
      document.audience,
      [index, part].filter((p): p is string => p !== undefined),
    );
    return slot ? `audience.${slot}` : 'audience';
  }
  if (section === 'sendRules') return 'sendHours';
  const step = section === 'steps' ? document.steps[Number(index)] : undefined;
  if (!step) return 'general';
  const at = `step.${step.id}`;
  if (part === 'message')
    return rest[0] === 'fields' && rest[1] ? `${at}.field.${rest[1]}` : `${at}.${rest[0] ?? 'template'}`;
  if (part === 'variants') {
    const variant = rest[0] === undefined ? undefined : step.variants?.[Number(rest[0])];
    return variant && rest[1] === 'fields' && rest[2]
      ? `${at}.variant.${variant.key}.field.${rest[2]}`
      : `${at}.variants`;
  }
  return part === 'timing' || part === 'label' ? `${at}.${part}` : at;
}

/** The server's issues by editor field (the first message of each), e.g. from an `ApiError`'s `issues`. */
export function groupIssues(
  document: CampaignDocument,
  issues: readonly { path: string; message: string }[],
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const field = locateIssue(document, issue.path);
    byField[field] ??= issue.message;
  }
  return byField;
}
