/**
 * The lifecycle as the playbook states it (SPEC §2.2, issue 9 §7): for each kind of trigger, where
 * a lead at each stage goes. Written from the playbook, not read from the table, so that an edited
 * row (a stage added to or dropped from `from`, a cause widened or narrowed) fails here.
 */
import { describe, expect, it } from 'vitest';
import type { TouchpointType } from '../events/touchpoint.js';
import { applyLifecycleTrigger, createLifecycleState } from './machine.js';
import { LIFECYCLE_STAGE_CODES, LIFECYCLE_STAGE_LABELS, LIFECYCLE_STAGES, type LifecycleStage } from './stages.js';
import {
  type AdvisorAction,
  ENGAGING_EVENT_TYPES,
  isAllowedTransition,
  LIFECYCLE_RULES,
  type LifecycleTrigger,
} from './transitions.js';

const AT = '2026-03-01T08:00:00.000Z';
const event = (eventType: TouchpointType): LifecycleTrigger => ({ kind: 'event', eventType, eventId: 'e1' });
const advisor = (action: AdvisorAction, hasBookedTrial?: boolean): LifecycleTrigger => ({
  kind: 'advisor',
  action,
  advisorId: 'a1',
  ...(hasBookedTrial === undefined ? {} : { hasBookedTrial }),
});
const score = (isMql: boolean, flags: { isNurtureHold?: boolean; isWithAdvisor?: boolean } = {}): LifecycleTrigger => ({
  kind: 'score',
  isMql,
  total: isMql ? 70 : 20,
  ...flags,
});
const stepFrom = (stage: LifecycleStage, trigger: LifecycleTrigger) =>
  applyLifecycleTrigger(createLifecycleState({ at: AT, stage }).state, trigger, AT);

const EVERYONE_ENROLS = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, 'customer'])) as Record<
  LifecycleStage,
  LifecycleStage
>;
const STILL_IN_PLAY = {
  name: 'opportunity',
  engaged: 'opportunity',
  target: 'opportunity',
  mql: 'opportunity',
} as const;
const ATTENDS = { ...STILL_IN_PLAY, sql: 'opportunity', dormant: 'opportunity' } as const;
const GOES_DORMANT = Object.fromEntries(
  LIFECYCLE_STAGES.filter((stage) => stage !== 'dormant').map((stage) => [stage, 'dormant']),
);

/** Trigger, then where each stage goes; a stage not listed stays where it is. */
const PLAYBOOK: readonly [string, LifecycleTrigger, Partial<Record<LifecycleStage, LifecycleStage>>][] = [
  ['registers', event('registration'), { awareness: 'name', friend: 'name', dormant: 'engaged' }],
  ['views a page (a visit, not an interaction)', event('page_view'), {}],
  [
    'reads an article',
    event('content_view'),
    { awareness: 'engaged', friend: 'engaged', name: 'engaged', dormant: 'engaged' },
  ],
  [
    'subscribes to messages',
    event('subscribe_accept'),
    { awareness: 'friend', friend: 'engaged', name: 'engaged', dormant: 'engaged' },
  ],
  [
    'books a trial class',
    event('trial_booked'),
    { awareness: 'engaged', friend: 'engaged', name: 'engaged', sql: 'opportunity', dormant: 'engaged' },
  ],
  ['attends the trial class', event('trial_attended'), ATTENDS],
  ['enrols', event('enrolled'), EVERYONE_ENROLS],
  ['refers a new student', event('referral_signup'), { customer: 'advocate' }],
  ['is assigned to an advisor', advisor('assign'), { name: 'mql', engaged: 'mql', target: 'mql' }],
  ['is accepted by an advisor', advisor('accept'), { name: 'sql', engaged: 'sql', target: 'sql', mql: 'sql' }],
  ['is accepted with a trial booked', advisor('accept', true), STILL_IN_PLAY],
  ['is returned by an advisor', advisor('return'), { mql: 'engaged', sql: 'engaged', opportunity: 'engaged' }],
  ['is marked attended by an advisor', advisor('mark_attended'), ATTENDS],
  ['is marked enrolled by an advisor', advisor('mark_enrolled'), EVERYONE_ENROLS],
  ['scores as an MQL', score(true), { name: 'mql', engaged: 'mql', target: 'mql' }],
  ['scores as an MQL while held in nurture', score(true, { isNurtureHold: true }), {}],
  ['scores below MQL', score(false), { mql: 'engaged' }],
  ['scores below MQL while an advisor holds it', score(false, { isWithAdvisor: true }), {}],
  ['matches the target profile', { kind: 'fit', isTarget: true }, { name: 'target', engaged: 'target' }],
  ['no longer matches the target profile', { kind: 'fit', isTarget: false }, { target: 'engaged' }],
  ['is idle past the limit', { kind: 'inactivity', idleDays: 90, dormantAfterDays: 90 }, GOES_DORMANT],
  ['is idle, not yet past the limit', { kind: 'inactivity', idleDays: 89, dormantAfterDays: 90 }, {}],
];

describe('the lifecycle follows the playbook, stage by stage', () => {
  it.each(PLAYBOOK)('a lead that %s', (_, trigger, expected) => {
    const moves = Object.fromEntries(
      LIFECYCLE_STAGES.flatMap((stage) => {
        const to = stepFrom(stage, trigger).transition?.to;
        return to === undefined ? [] : [[stage, to]];
      }),
    );
    expect(moves).toEqual(expected);
    for (const [from, to] of Object.entries(expected))
      expect(isAllowedTransition(from as LifecycleStage, to)).toBe(true);
  });

  it('every engaging event engages a new name and wakes a dormant lead; other events do neither', () => {
    for (const type of ENGAGING_EVENT_TYPES) {
      expect(stepFrom('name', event(type)).transition?.to, type).toBe('engaged');
      expect(stepFrom('dormant', event(type)).transition?.to, type).toBe('engaged');
    }
    for (const type of ['page_view', 'referral_signup', 'message_sent'] as const) {
      expect(stepFrom('name', event(type)).transition, type).toBeNull();
    }
  });

  it('a customer who enrols again arrives at customer once more, the next cycle', () => {
    const { state } = createLifecycleState({ at: AT, stage: 'customer' });
    const step = applyLifecycleTrigger(state, event('enrolled'), AT);
    expect(step.transition).toMatchObject({ from: 'customer', to: 'customer', ordinal: 2, ruleId: 're_enrolled' });
    expect(step.state.arrivals).toEqual({ customer: 2 });
  });

  it('says, when nothing moves, which stage and which trigger', () => {
    const reasons = [
      stepFrom('awareness', event('page_view')),
      stepFrom('sql', score(true, { isNurtureHold: true })),
      stepFrom('sql', score(false)),
      stepFrom('customer', { kind: 'fit', isTarget: true }),
      stepFrom('customer', { kind: 'fit', isTarget: false }),
      stepFrom('awareness', advisor('return')),
      stepFrom('name', { kind: 'inactivity', idleDays: 12, dormantAfterDays: 90 }),
    ].map((step) => ('reason' in step ? step.reason : 'moved'));
    expect(reasons).toEqual([
      'no rule moves awareness on event page_view',
      'no rule moves sql on score qualified (nurture hold)',
      'no rule moves sql on score below MQL',
      'no rule moves customer on fit matched',
      'no rule moves customer on fit lost',
      'no rule moves awareness on advisor return',
      'no rule moves name on 12 idle days',
    ]);
  });
});

describe('what people read about the lifecycle', () => {
  const isChinese = (text: string) => /^[\u4e00-\u9fff，/ A-Z]+$/u.test(text) && /[\u4e00-\u9fff]/u.test(text);

  it('a new lead starts with arrival #1, labelled and with its source (unknown when not given)', () => {
    const { state, transition } = createLifecycleState({ at: AT });
    expect(state).toEqual({ stage: 'awareness', enteredAt: AT, arrivals: { awareness: 1 } });
    expect(transition).toEqual({
      from: null,
      to: 'awareness',
      at: AT,
      ordinal: 1,
      ruleId: 'created',
      label: '新线索',
      cause: { kind: 'created', source: 'unknown' },
    });
    expect(createLifecycleState({ at: AT, source: 'qr_seminar' }).transition.cause).toEqual({
      kind: 'created',
      source: 'qr_seminar',
    });
  });

  it('every rule has its own id and its own Chinese label for the timeline', () => {
    const ids = LIFECYCLE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(_[a-z]+)*$/);
    const labels = LIFECYCLE_RULES.map((rule) => rule.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(isChinese(label), label).toBe(true);
  });

  it('every stage has its own Chinese label and its own three-letter code', () => {
    const labels = LIFECYCLE_STAGES.map((stage) => LIFECYCLE_STAGE_LABELS[stage]);
    expect(new Set(labels).size).toBe(LIFECYCLE_STAGES.length);
    for (const label of labels) expect(isChinese(label), label).toBe(true);
    const codes = LIFECYCLE_STAGES.map((stage) => LIFECYCLE_STAGE_CODES[stage]);
    expect(new Set(codes).size).toBe(LIFECYCLE_STAGES.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{3}$/);
  });
});
