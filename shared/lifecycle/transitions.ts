/**
 * The lifecycle transition table (SPEC §2.2): which moves are allowed and what causes them. A data
 * table, read top to bottom: the first row whose `from` holds the current stage and whose cause
 * matches the trigger decides the move. Moves go both ways (an advisor returns an SQL; a dormant
 * lead comes back; a decayed score falls out of MQL).
 */
import type { TouchpointType } from '../events/touchpoint.js';
import type { LifecycleStage } from './stages.js';

/**
 * What an advisor does to a lead (SPEC §1, §2.4): accept it (SQL), return it to the pool, or mark
 * the trial class attended or the enrolment done from the workbench.
 */
export const ADVISOR_ACTIONS = ['accept', 'return', 'mark_attended', 'mark_enrolled'] as const;
export type AdvisorAction = (typeof ADVISOR_ACTIONS)[number];

/** What can move a lead (SPEC §2.2): an event, a score, its fit, an advisor, or time. */
export type LifecycleTrigger =
  | { kind: 'event'; eventType: TouchpointType; eventId: string }
  | { kind: 'score'; isMql: boolean; total: number }
  | { kind: 'fit'; isTarget: boolean }
  | { kind: 'advisor'; action: AdvisorAction; advisorId: string }
  | { kind: 'inactivity'; idleDays: number; dormantAfterDays: number };

export type LifecycleTriggerKind = LifecycleTrigger['kind'];

/** Events that count as a meaningful interaction (SPEC §2.2 `engaged`) and wake a dormant lead. */
export const ENGAGING_EVENT_TYPES: readonly TouchpointType[] = [
  'content_view',
  'content_download',
  'consultation_request',
  'message_clicked',
  'share',
  'subscribe_accept',
  'advisor_call',
];

export interface LifecycleRule {
  id: string;
  from: readonly LifecycleStage[];
  to: LifecycleStage;
  /** Chinese, shown in a lead's timeline. */
  label: string;
  matches: (trigger: LifecycleTrigger) => boolean;
}

const isEvent =
  (...types: TouchpointType[]) =>
  (t: LifecycleTrigger) =>
    t.kind === 'event' && types.includes(t.eventType);

const isAdvisor = (action: AdvisorAction) => (t: LifecycleTrigger) => t.kind === 'advisor' && t.action === action;

const BEFORE_CUSTOMER = [
  'awareness',
  'friend',
  'name',
  'engaged',
  'target',
  'mql',
  'sql',
  'opportunity',
  'dormant',
] as const;
const NOT_YET_QUALIFIED = ['name', 'engaged', 'target'] as const;
const ACTIVE_STAGES = ['awareness', 'friend', 'name', 'engaged', 'target', 'mql', 'sql', 'opportunity'] as const;

export const LIFECYCLE_RULES: readonly LifecycleRule[] = [
  {
    id: 'enrolled',
    from: BEFORE_CUSTOMER,
    to: 'customer',
    label: '报名成交',
    matches: (t) => isEvent('enrolled')(t) || isAdvisor('mark_enrolled')(t),
  },
  // Advocacy is earned by customers only; a prospect's referral still scores, but moves nothing.
  {
    id: 'referred_others',
    from: ['customer'],
    to: 'advocate',
    label: '推荐新学员',
    matches: isEvent('referral_signup'),
  },
  {
    id: 'trial_booked',
    from: ['name', 'engaged', 'target', 'mql', 'sql', 'dormant'],
    to: 'opportunity',
    label: '预约/参加试听',
    matches: (t) => isEvent('trial_booked', 'trial_attended')(t) || isAdvisor('mark_attended')(t),
  },
  {
    id: 'advisor_accepted',
    from: ['name', 'engaged', 'target', 'mql'],
    to: 'sql',
    label: '顾问接受线索',
    matches: isAdvisor('accept'),
  },
  {
    id: 'advisor_returned',
    from: ['sql', 'opportunity'],
    to: 'engaged',
    label: '顾问退回，回到培育池',
    // Back to the nurture pool (SPEC §2.4): the return's score penalty usually drops the lead below
    // MQL; if it still qualifies, the next score check moves it to mql again (MQL-02).
    matches: isAdvisor('return'),
  },
  {
    id: 'score_qualified',
    from: NOT_YET_QUALIFIED,
    to: 'mql',
    label: '评分达到 MQL',
    matches: (t) => t.kind === 'score' && t.isMql,
  },
  {
    id: 'score_decayed',
    from: ['mql'],
    to: 'engaged',
    label: '评分回落到 MQL 以下',
    matches: (t) => t.kind === 'score' && !t.isMql,
  },
  {
    id: 'fit_matched',
    from: ['name', 'engaged'],
    to: 'target',
    label: '符合目标学员画像',
    matches: (t) => t.kind === 'fit' && t.isTarget,
  },
  {
    id: 'fit_lost',
    from: ['target'],
    to: 'engaged',
    label: '不再符合目标画像',
    matches: (t) => t.kind === 'fit' && !t.isTarget,
  },
  {
    id: 'went_dormant',
    from: ACTIVE_STAGES,
    to: 'dormant',
    label: '长期未互动',
    matches: (t) => t.kind === 'inactivity' && t.idleDays >= t.dormantAfterDays,
  },
  {
    id: 'reactivated',
    from: ['dormant'],
    to: 'engaged',
    label: '沉睡后重新互动',
    matches: (t) =>
      t.kind === 'event' && (ENGAGING_EVENT_TYPES.includes(t.eventType) || t.eventType === 'registration'),
  },
  {
    id: 'engaged',
    from: ['awareness', 'friend', 'name'],
    to: 'engaged',
    label: '有效互动',
    matches: isEvent(...ENGAGING_EVENT_TYPES),
  },
  { id: 'registered', from: ['awareness', 'friend'], to: 'name', label: '登记留资', matches: isEvent('registration') },
  {
    id: 'followed',
    from: ['awareness'],
    to: 'friend',
    label: '关注/订阅',
    matches: isEvent('subscribe_accept', 'share', 'page_view'),
  },
];

/** Whether `from → to` appears in the table (for invariants and admin tools). */
export function isAllowedTransition(from: LifecycleStage, to: LifecycleStage): boolean {
  return LIFECYCLE_RULES.some((rule) => rule.to === to && rule.from.includes(from));
}
