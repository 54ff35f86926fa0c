/**
 * How much intent a lead's source shows (SPEC §2.4): high-intent sources (a consultation request,
 * a trial booking, a paid-search landing) go to an advisor now; low-intent ones (content
 * downloads, event QR-code sign-ups, imported lists) go to the nurture pool until MQL. A data
 * table read top to bottom: the first row that matches decides.
 */
import type { TouchpointType } from '../events/touchpoint.js';

/** Where a lead came from: the touchpoint that brought it (with its channel), or an imported list. */
export type LeadSource =
  | { kind: 'touchpoint'; type: TouchpointType; channel?: string }
  | { kind: 'import'; listName?: string };

export type LeadIntent = 'high' | 'low';

/** One row of the intent table; a row matches when every condition it sets holds. */
export interface LeadIntentRule {
  id: string;
  intent: LeadIntent;
  /** Chinese, shown next to the routing decision. */
  label: string;
  sourceKind: LeadSource['kind'];
  touchpointTypes?: readonly TouchpointType[];
  /** Channel values (utm-like `channel`, SPEC §2.1), compared trimmed and lower-case. */
  channels?: readonly string[];
}

/** Channel values that mean a paid-search landing page (Baidu/360/Sogou SEM and the like). */
export const PAID_SEARCH_CHANNELS = ['paid_search', 'sem', 'cpc'] as const;
/** Channel values of the QR codes printed for offline events and fairs. */
export const EVENT_QR_CHANNELS = ['event_qr', 'fair_qr'] as const;

export const DEFAULT_LEAD_INTENT_RULES: readonly LeadIntentRule[] = [
  // Asking to talk is the clearest intent there is; it outranks the channel it came through.
  {
    id: 'consultation_request',
    intent: 'high',
    label: '咨询请求',
    sourceKind: 'touchpoint',
    touchpointTypes: ['consultation_request'],
  },
  {
    id: 'trial_booked',
    intent: 'high',
    label: '预约试听',
    sourceKind: 'touchpoint',
    touchpointTypes: ['trial_booked'],
  },
  // Someone who searched for the course and clicked an ad is shopping, whatever they did next.
  {
    id: 'paid_search',
    intent: 'high',
    label: '付费搜索落地页',
    sourceKind: 'touchpoint',
    channels: PAID_SEARCH_CHANNELS,
  },
  { id: 'event_qr', intent: 'low', label: '活动二维码报名', sourceKind: 'touchpoint', channels: EVENT_QR_CHANNELS },
  {
    id: 'content_download',
    intent: 'low',
    label: '资料下载',
    sourceKind: 'touchpoint',
    touchpointTypes: ['content_download'],
  },
  { id: 'imported_list', intent: 'low', label: '导入名单', sourceKind: 'import' },
];

/** The intent of a source and the row that decided it (`default` when no row matched: low). */
export interface LeadIntentResult {
  intent: LeadIntent;
  ruleId: string;
  label: string;
}

function matchesRule(rule: LeadIntentRule, source: LeadSource): boolean {
  if (rule.sourceKind !== source.kind) return false;
  // Equivalent mutants: an import has no type or channel, so the checks below answer the same; this
  // line narrows the type.
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, see above
  if (source.kind === 'import') return rule.touchpointTypes === undefined && rule.channels === undefined;
  if (rule.touchpointTypes && !rule.touchpointTypes.includes(source.type)) return false;
  if (rule.channels) {
    const channel = source.channel?.trim().toLowerCase();
    if (!channel || !rule.channels.includes(channel)) return false;
  }
  return true;
}

/**
 * Classifies a lead's source (SPEC §2.4). A source no row knows is low intent: it waits in the
 * nurture pool until its score qualifies it, which is the safe side for advisors' time.
 *
 * @example
 * classifyLeadIntent({ kind: 'touchpoint', type: 'page_view', channel: 'SEM' });
 * // { intent: 'high', ruleId: 'paid_search', label: '付费搜索落地页' }
 */
export function classifyLeadIntent(
  source: LeadSource,
  rules: readonly LeadIntentRule[] = DEFAULT_LEAD_INTENT_RULES,
): LeadIntentResult {
  const rule = rules.find((r) => matchesRule(r, source));
  return rule
    ? { intent: rule.intent, ruleId: rule.id, label: rule.label }
    : { intent: 'low', ruleId: 'default', label: '其他来源' };
}
