/**
 * What staff do to a lead's ownership (SPEC §2.4, issue 9 §2 and §4), as signals of the one domain
 * path (`advanceLead`): a lead is handed to an advisor (routed, claimed from the pool, reassigned
 * by a manager), accepted, released back to the pool unaccepted, or taken back when the advisor
 * misses the accept SLA. Returning a lead is the scoring signal `advisor_return` (it costs points).
 * None of these scores; `lead_assigned` and `lead_accepted` move the lifecycle.
 */
import { ENGAGING_EVENT_TYPES } from '../lifecycle/transitions.js';
import type { ScoringSignal } from '../scoring/scoring-signal.js';
import type { LeadDomainState } from './lead-state.js';

/** How a lead came to an advisor: routing decided, the advisor claimed it, a manager reassigned it. */
export const ASSIGNMENT_KINDS = ['routed', 'claimed', 'reassigned'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

export const STAFF_SIGNAL_TYPES = ['lead_assigned', 'lead_accepted', 'lead_released', 'lead_sla_missed'] as const;
export type StaffSignalType = (typeof STAFF_SIGNAL_TYPES)[number];

interface StaffSignalBase {
  /** The idempotency key: the client's request id, or a key derived from what caused it. */
  id: string;
  occurredAt: string;
  advisorId: string;
}

export type StaffSignal =
  | (StaffSignalBase & { type: 'lead_assigned'; assignment: AssignmentKind })
  | (StaffSignalBase & {
      type: 'lead_accepted';
      /** The lead holds a booked (or attended) trial class: the accept makes it an opportunity. */
      hasBookedTrial: boolean;
    })
  | (StaffSignalBase & {
      type: 'lead_released';
      /** A manager releases a leaver's lead (issue 9 §4 transfer): allowed even once accepted. */
      isByManager?: boolean;
    })
  | (StaffSignalBase & { type: 'lead_sla_missed' });

export function isStaffSignal(signal: ScoringSignal | StaffSignal): signal is StaffSignal {
  return (STAFF_SIGNAL_TYPES as readonly string[]).includes(signal.type);
}

/** Why a staff signal cannot apply to the lead as it is now. */
export const STAFF_SIGNAL_REFUSALS = ['owned_by_other', 'already_owner', 'not_owner', 'already_accepted'] as const;
export type StaffSignalRefusal = (typeof STAFF_SIGNAL_REFUSALS)[number];

/** Chinese, for the 409 an advisor sees (issue 9 §4 "refused with a clear Chinese message"). */
export const STAFF_SIGNAL_REFUSAL_LABELS: Record<StaffSignalRefusal, string> = {
  owned_by_other: '该线索已由其他顾问跟进',
  already_owner: '该线索已在你名下',
  not_owner: '该线索不在你名下，可能已超时收回或被重新分配',
  already_accepted: '该线索已接受，如需放弃请使用“退回”',
};

/**
 * Whether `signal` may apply to `state` (issue 9 §4), `null` when it may. Routing and claims need
 * a lead nobody holds; accepting, releasing and an SLA miss need the advisor to hold it unaccepted
 * (a manager may release an accepted one); a manager's reassignment may move any lead except to
 * the advisor who already holds it.
 *
 * @example findStaffSignalRefusal(state, { type: 'lead_accepted', advisorId, … }) // 'not_owner'
 */
export function findStaffSignalRefusal(state: LeadDomainState, signal: StaffSignal): StaffSignalRefusal | null {
  const owner = state.owner ?? null;
  const isOwner = owner?.advisorId === signal.advisorId;
  switch (signal.type) {
    case 'lead_assigned':
      if (isOwner) return 'already_owner';
      return owner && signal.assignment !== 'reassigned' ? 'owned_by_other' : null;
    case 'lead_released':
      if (!isOwner) return 'not_owner';
      return owner?.acceptedAt && !signal.isByManager ? 'already_accepted' : null;
    case 'lead_accepted':
    case 'lead_sla_missed':
      if (!isOwner) return 'not_owner';
      return owner?.acceptedAt ? 'already_accepted' : null;
    default: {
      const unreachable: never = signal;
      return unreachable;
    }
  }
}

/**
 * Touchpoints that are the prospect's own doing. The others are ours (a message we sent, an
 * advisor's call or note) and say nothing about the prospect's activity (SPEC §2.2 inactivity).
 */
export function isProspectActivity(type: ScoringSignal['type']): boolean {
  return type !== 'message_sent' && type !== 'advisor_note' && type !== 'advisor_call' && type !== 'advisor_return';
}

/**
 * Whether `signal` is the new activity that ends a nurture hold begun at `holdSince` (issue 9 §7):
 * a meaningful interaction by the prospect after the return. A page view is too weak (it scores
 * nothing by itself either); an advisor's own call is not the prospect's doing.
 */
export function endsNurtureHold(signal: ScoringSignal, holdSince: string): boolean {
  if (signal.type === 'advisor_return' || !isProspectActivity(signal.type)) return false;
  const isMeaningful = ENGAGING_EVENT_TYPES.includes(signal.type) || signal.type === 'registration';
  return isMeaningful && Date.parse(signal.occurredAt) > Date.parse(holdSince);
}
