/**
 * The lifecycle transition table (SPEC §2.2): which moves are allowed and what causes them. A data
 * table, read top to bottom: the first row whose `from` holds the current stage and whose cause
 * matches the trigger decides the move. Moves go both ways (an advisor returns an SQL; a dormant
 * lead comes back; a decayed score falls out of MQL). Each row says why it exists; the rules the
 * workbench brought to light (issue 9 §7) name the playbook's reason beside them.
 */
import type { TouchpointType } from '../events/touchpoint.js';
import type { LifecycleStage } from './stages.js';

/**
 * What an advisor does to a lead (SPEC §1, §2.4): the lead is handed to them (routed, claimed from
 * the pool or reassigned), they accept it (SQL), return it to the pool, or mark the trial class
 * attended or the enrolment done from the workbench.
 */
export const ADVISOR_ACTIONS = ['assign', 'accept', 'return', 'mark_attended', 'mark_enrolled'] as const;
export type AdvisorAction = (typeof ADVISOR_ACTIONS)[number];

/** What can move a lead (SPEC §2.2): an event, a score, its fit, an advisor, or time. */
export type LifecycleTrigger =
  | { kind: 'event'; eventType: TouchpointType; eventId: string }
  | {
      kind: 'score';
      /** The model's MQL rule holds: total, fit and journey stage (shared/scoring `mql`). */
      isMql: boolean;
      total: number;
      /**
       * Returned by an advisor and no new activity since (issue 9 §7): the score alone may not
       * re-qualify it. Absent means no hold.
       */
      isNurtureHold?: boolean;
      /** An advisor holds the lead (assigned or accepted): the score no longer moves it back. */
      isWithAdvisor?: boolean;
    }
  | { kind: 'fit'; isTarget: boolean }
  | {
      kind: 'advisor';
      action: AdvisorAction;
      advisorId: string;
      /** On `accept`: the lead has a trial class booked (issue 9 §7: accepted with a trial is an opportunity). */
      hasBookedTrial?: boolean;
    }
  | { kind: 'inactivity'; idleDays: number; dormantAfterDays: number };

export type LifecycleTriggerKind = LifecycleTrigger['kind'];

/**
 * Events that count as a meaningful interaction (SPEC §2.2 `engaged`) and wake a dormant lead. A
 * trial booking is one: it no longer jumps to `opportunity` by itself (see `trial_booked_by_sql`).
 */
export const ENGAGING_EVENT_TYPES: readonly TouchpointType[] = [
  'content_view',
  'content_download',
  'consultation_request',
  'message_clicked',
  'share',
  'subscribe_accept',
  'trial_booked',
  'advisor_call',
];

/**
 * Events that make a relationship (SPEC §2.2 `friend`: follows, subscribes, accepts a message).
 * Subscribing to messages is the one the mini-program can observe; a page view is a visit, not a
 * relationship (issue 9 §7).
 */
export const RELATIONSHIP_EVENT_TYPES: readonly TouchpointType[] = ['subscribe_accept'];

export interface LifecycleRule {
  id: string;
  from: readonly LifecycleStage[];
  to: LifecycleStage;
  /** Chinese, shown in a lead's timeline. */
  label: string;
  /**
   * Every match is a move, so a row whose `from` holds its own `to` counts a new arrival at the
   * stage it leaves (a customer enrolling again starts a new cycle, `CUS-02`); `re_enrolled` is the
   * only such row.
   */
  matches: (trigger: LifecycleTrigger) => boolean;
}

const isEvent =
  (...types: readonly TouchpointType[]) =>
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
/** The stages of a lead who enrolled (a paying customer, and one who also referred others). */
export const ENROLLED_STAGES = ['customer', 'advocate'] as const;

export const LIFECYCLE_RULES: readonly LifecycleRule[] = [
  {
    id: 'enrolled',
    from: BEFORE_CUSTOMER,
    to: 'customer',
    label: '报名成交',
    matches: (t) => isEvent('enrolled')(t) || isAdvisor('mark_enrolled')(t),
  },
  {
    id: 're_enrolled',
    from: ENROLLED_STAGES,
    to: 'customer',
    label: '再次报名，开始新一轮',
    // Issue 9 §7: `customer` is not a dead end. A re-enrolment or another course is a new cycle
    // the playbook counts separately, so it is a new arrival (CUS-02), even from `customer`.
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
    id: 'trial_attended',
    from: ['name', 'engaged', 'target', 'mql', 'sql', 'dormant'],
    to: 'opportunity',
    label: '参加试听',
    // Issue 9 §7: attendance is recorded by staff and puts the prospect in a classroom: the sale is
    // being worked whether or not the accept came first.
    matches: (t) => isEvent('trial_attended')(t) || isAdvisor('mark_attended')(t),
  },
  {
    id: 'accepted_with_trial',
    from: ['name', 'engaged', 'target', 'mql'],
    to: 'opportunity',
    label: '顾问接受已预约试听的线索',
    // Issue 9 §7: `opportunity` means accepted by an advisor and actively worked; a lead that
    // already booked a trial is both once an advisor accepts it.
    matches: (t) => t.kind === 'advisor' && t.action === 'accept' && t.hasBookedTrial === true,
  },
  {
    id: 'trial_booked_by_sql',
    from: ['sql'],
    to: 'opportunity',
    label: '已接受的线索预约试听',
    // Issue 9 §7: a booking alone no longer skips MQL, SQL and the advisor; it is an opportunity
    // only for a lead an advisor has accepted. Earlier stages: the booking is engagement, high
    // intent, and routes the lead to an advisor (shared/routing).
    matches: isEvent('trial_booked'),
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
    from: ['mql', 'sql', 'opportunity'],
    to: 'engaged',
    label: '顾问退回，回到培育池',
    // Back to the nurture pool (SPEC §2.4). Issue 9 §7: it stays there until new activity earns a
    // re-qualification (`score_qualified` ignores the score while the nurture hold lasts).
    matches: isAdvisor('return'),
  },
  {
    id: 'handed_to_advisor',
    from: NOT_YET_QUALIFIED,
    to: 'mql',
    label: '高意向或顾问认领，移交顾问',
    // SPEC §2.4: high-intent sources go straight to an advisor, and an advisor may claim a pool
    // lead; either way marketing has handed it over, which is what MQL records.
    matches: isAdvisor('assign'),
  },
  {
    id: 'score_qualified',
    from: NOT_YET_QUALIFIED,
    to: 'mql',
    label: '评分达到 MQL',
    matches: (t) => t.kind === 'score' && t.isMql && t.isNurtureHold !== true,
  },
  {
    id: 'score_decayed',
    from: ['mql'],
    to: 'engaged',
    label: '评分回落到 MQL 以下',
    // A lead an advisor holds waits for their accept or return, not for its score to decay.
    matches: (t) => t.kind === 'score' && !t.isMql && t.isWithAdvisor !== true,
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
    id: 'customer_lapsed',
    from: ENROLLED_STAGES,
    to: 'dormant',
    label: '学员长期未互动，待召回',
    // Issue 9 §7: a customer can lapse; the win-back track (SPEC §2.5) nurtures dormant leads, and
    // a later enrolment is counted as the next customer cycle.
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
    id: 'followed',
    from: ['awareness'],
    to: 'friend',
    label: '关注/订阅',
    // Issue 9 §7: a relationship, not a visit. Listed before `engaged` because subscribing is
    // also an engaging event: from `awareness` it first makes the lead a friend.
    matches: isEvent(...RELATIONSHIP_EVENT_TYPES),
  },
  {
    id: 'engaged',
    from: ['awareness', 'friend', 'name'],
    to: 'engaged',
    label: '有效互动',
    matches: isEvent(...ENGAGING_EVENT_TYPES),
  },
  { id: 'registered', from: ['awareness', 'friend'], to: 'name', label: '登记留资', matches: isEvent('registration') },
];

/** Whether `from → to` appears in the table (for invariants and admin tools). */
export function isAllowedTransition(from: LifecycleStage, to: LifecycleStage): boolean {
  return LIFECYCLE_RULES.some((rule) => rule.to === to && rule.from.includes(from));
}
