/**
 * Who may do what to a lead's ownership (SPEC §2.4, issue 9 §4), and which activity is the
 * prospect's own (SPEC §2.2 inactivity, issue 9 §7 nurture hold). Expected answers are written
 * from the playbook, case by case.
 */
import { describe, expect, it } from 'vitest';
import { SCORING_SIGNAL_TYPES, type ScoringSignal, type ScoringSignalType } from '../scoring/scoring-signal.js';
import type { LeadDomainState, LeadOwner } from './lead-state.js';
import {
  endsNurtureHold,
  findStaffSignalRefusal,
  isProspectActivity,
  isStaffSignal,
  STAFF_SIGNAL_REFUSAL_LABELS,
  STAFF_SIGNAL_REFUSALS,
  STAFF_SIGNAL_TYPES,
  type StaffSignal,
} from './staff-signal.js';

const ME = 'advisor-me';
const OTHER = 'advisor-other';
const AT = '2026-03-02T02:00:00.000Z';

type Holder = 'nobody' | 'me, unaccepted' | 'me, accepted' | 'other, unaccepted' | 'other, accepted';
function stateHeldBy(holder: Holder): LeadDomainState {
  const owner: LeadOwner | null =
    holder === 'nobody'
      ? null
      : {
          advisorId: holder.startsWith('me') ? ME : OTHER,
          assignedAt: AT,
          acceptedAt: holder.endsWith(', accepted') ? AT : null,
        };
  // Only ownership is read; the rest of the state plays no part in these decisions.
  return { owner } as LeadDomainState;
}

const base = { id: 's1', occurredAt: AT, advisorId: ME };
const SIGNALS: Record<string, StaffSignal> = {
  routed: { ...base, type: 'lead_assigned', assignment: 'routed' },
  claimed: { ...base, type: 'lead_assigned', assignment: 'claimed' },
  reassigned: { ...base, type: 'lead_assigned', assignment: 'reassigned' },
  accepted: { ...base, type: 'lead_accepted', hasBookedTrial: false },
  released: { ...base, type: 'lead_released' },
  'released by a manager': { ...base, type: 'lead_released', isByManager: true },
  'SLA missed': { ...base, type: 'lead_sla_missed' },
};

/** For each signal (to or by advisor ME): the refusal per holder, `null` where it applies. */
const EXPECTED: Record<string, Record<Holder, string | null>> = {
  routed: {
    nobody: null,
    'me, unaccepted': 'already_owner',
    'me, accepted': 'already_owner',
    'other, unaccepted': 'owned_by_other',
    'other, accepted': 'owned_by_other',
  },
  claimed: {
    nobody: null,
    'me, unaccepted': 'already_owner',
    'me, accepted': 'already_owner',
    'other, unaccepted': 'owned_by_other',
    'other, accepted': 'owned_by_other',
  },
  reassigned: {
    nobody: null,
    'me, unaccepted': 'already_owner',
    'me, accepted': 'already_owner',
    'other, unaccepted': null,
    'other, accepted': null,
  },
  accepted: {
    nobody: 'not_owner',
    'me, unaccepted': null,
    'me, accepted': 'already_accepted',
    'other, unaccepted': 'not_owner',
    'other, accepted': 'not_owner',
  },
  released: {
    nobody: 'not_owner',
    'me, unaccepted': null,
    'me, accepted': 'already_accepted',
    'other, unaccepted': 'not_owner',
    'other, accepted': 'not_owner',
  },
  'released by a manager': {
    nobody: 'not_owner',
    'me, unaccepted': null,
    'me, accepted': null,
    'other, unaccepted': 'not_owner',
    'other, accepted': 'not_owner',
  },
  'SLA missed': {
    nobody: 'not_owner',
    'me, unaccepted': null,
    'me, accepted': 'already_accepted',
    'other, unaccepted': 'not_owner',
    'other, accepted': 'not_owner',
  },
};

describe('staff signals: who may do what to a lead (issue 9 §4)', () => {
  it.each(Object.keys(SIGNALS))('a lead %s', (name) => {
    const signal = SIGNALS[name] as StaffSignal;
    const holders = Object.keys(EXPECTED[name] ?? {}) as Holder[];
    const answers = Object.fromEntries(holders.map((h) => [h, findStaffSignalRefusal(stateHeldBy(h), signal)]));
    expect(answers).toEqual(EXPECTED[name]);
  });

  it('a lead from before ownership was recorded is nobody’s', () => {
    const legacy = {} as LeadDomainState;
    expect(findStaffSignalRefusal(legacy, SIGNALS.routed as StaffSignal)).toBeNull();
    expect(findStaffSignalRefusal(legacy, SIGNALS.accepted as StaffSignal)).toBe('not_owner');
  });

  it('every refusal has its own Chinese message for the advisor', () => {
    const labels = STAFF_SIGNAL_REFUSALS.map((r) => STAFF_SIGNAL_REFUSAL_LABELS[r]);
    expect(new Set(labels).size).toBe(STAFF_SIGNAL_REFUSALS.length);
    for (const label of labels) expect(label).toMatch(/^该线索[\u4e00-\u9fff，“”]+$/u);
  });

  it('tells staff signals from the prospect’s and the scoring ones', () => {
    for (const type of STAFF_SIGNAL_TYPES) expect(isStaffSignal({ ...base, type } as StaffSignal)).toBe(true);
    for (const type of SCORING_SIGNAL_TYPES) {
      expect(isStaffSignal({ id: 'x', type, occurredAt: AT, props: {} } as unknown as ScoringSignal)).toBe(false);
    }
  });
});

const OURS: readonly ScoringSignalType[] = ['message_sent', 'advisor_note', 'advisor_call', 'advisor_return'];
/** The prospect's meaningful interactions: what ends a nurture hold (issue 9 §7). */
const MEANINGFUL: readonly ScoringSignalType[] = [
  'content_view',
  'content_download',
  'consultation_request',
  'message_clicked',
  'share',
  'subscribe_accept',
  'trial_booked',
  'registration',
];

const signalOf = (type: ScoringSignalType, occurredAt: string) =>
  (type === 'advisor_return'
    ? { id: 'x', type, occurredAt, advisorId: ME, reason: '暂无需求' }
    : { id: 'x', type, occurredAt, props: {} }) as ScoringSignal;

describe('the prospect’s own activity (SPEC §2.2, issue 9 §7)', () => {
  it('messages we send and advisors’ calls, notes and returns are ours; everything else is the prospect’s', () => {
    for (const type of SCORING_SIGNAL_TYPES) expect(isProspectActivity(type), type).toBe(!OURS.includes(type));
  });

  it('only a meaningful interaction by the prospect after the return ends a nurture hold', () => {
    const holdSince = AT;
    const later = '2026-03-02T02:00:00.001Z';
    for (const type of SCORING_SIGNAL_TYPES) {
      expect(endsNurtureHold(signalOf(type, later), holdSince), type).toBe(MEANINGFUL.includes(type));
      // At the very instant of the return, or before it, nothing ends the hold.
      expect(endsNurtureHold(signalOf(type, holdSince), holdSince), type).toBe(false);
    }
  });
});
