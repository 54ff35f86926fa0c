import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOUCHPOINT_TYPES } from '../events/touchpoint.js';
import { applyLifecycleTrigger, applyLifecycleTriggers, createLifecycleState } from './machine.js';
import { formatStageOrdinal, LIFECYCLE_STAGES, type LifecycleStage } from './stages.js';
import { ADVISOR_ACTIONS, isAllowedTransition, LIFECYCLE_RULES, type LifecycleTrigger } from './transitions.js';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();
const event = (eventType: (typeof TOUCHPOINT_TYPES)[number]): LifecycleTrigger => ({
  kind: 'event',
  eventType,
  eventId: eventType,
});

const triggerArb: fc.Arbitrary<LifecycleTrigger> = fc.oneof(
  fc.constantFrom(...TOUCHPOINT_TYPES).map(event),
  fc.record(
    {
      kind: fc.constant('score' as const),
      isMql: fc.boolean(),
      total: fc.integer({ min: -50, max: 200 }),
      isNurtureHold: fc.boolean(),
      isWithAdvisor: fc.boolean(),
    },
    { requiredKeys: ['kind', 'isMql', 'total'] },
  ),
  fc.record({ kind: fc.constant('fit' as const), isTarget: fc.boolean() }),
  fc.record(
    {
      kind: fc.constant('advisor' as const),
      action: fc.constantFrom(...ADVISOR_ACTIONS),
      advisorId: fc.constant('a1'),
      hasBookedTrial: fc.boolean(),
    },
    { requiredKeys: ['kind', 'action', 'advisorId'] },
  ),
  fc.record({
    kind: fc.constant('inactivity' as const),
    idleDays: fc.integer({ min: 0, max: 400 }),
    dormantAfterDays: fc.constant(90),
  }),
);

describe('lifecycle machine', () => {
  it('only makes moves listed in the transition table, and ordinals count arrivals per stage', () => {
    fc.assert(
      fc.property(fc.array(triggerArb, { maxLength: 60 }), (triggers) => {
        const { state: initial, transition: first } = createLifecycleState({ at: at(0) });
        const { state, transitions } = applyLifecycleTriggers(
          initial,
          triggers.map((trigger, i) => ({ trigger, at: at(i + 1) })),
        );
        const seen: Record<string, number> = { [first.to]: 1 };
        let current = initial.stage;
        for (const t of transitions) {
          expect(t.from).toBe(current);
          expect(isAllowedTransition(t.from ?? 'awareness', t.to)).toBe(true);
          // The row that fired is in the table, allows this `from`, leads to this `to` and matches the cause.
          const rule = LIFECYCLE_RULES.find((r) => r.id === t.ruleId);
          // Staying at a stage is a move only for a customer's next cycle.
          if (t.to === t.from) expect(rule?.id).toBe('re_enrolled');
          expect(rule?.to).toBe(t.to);
          expect(rule?.from).toContain(t.from);
          expect(t.cause.kind !== 'created' && rule?.matches(t.cause)).toBe(true);
          seen[t.to] = (seen[t.to] ?? 0) + 1;
          expect(t.ordinal).toBe(seen[t.to]);
          current = t.to;
        }
        expect(state.stage).toBe(current);
        expect(state.arrivals).toEqual(seen);
      }),
    );
  });

  it('never moves a lead without a matching rule and says why', () => {
    const { state } = createLifecycleState({ at: at(0) });
    const step = applyLifecycleTrigger(state, { kind: 'advisor', action: 'return', advisorId: 'a1' }, at(1));
    expect(step.transition).toBeNull();
    expect(step.state).toBe(state);
    expect('reason' in step && step.reason).toMatch(/no rule moves awareness/);
  });

  it('returned SQL goes back to nurture and shows MQL-02 when it re-qualifies', () => {
    const { state: s0 } = createLifecycleState({ at: at(0) });
    const { state, transitions } = applyLifecycleTriggers(s0, [
      { trigger: event('registration'), at: at(1) },
      { trigger: event('content_download'), at: at(2) },
      { trigger: { kind: 'score', isMql: true, total: 55 }, at: at(3) },
      { trigger: { kind: 'advisor', action: 'accept', advisorId: 'a1' }, at: at(4) },
      { trigger: { kind: 'advisor', action: 'return', advisorId: 'a1' }, at: at(5) },
      { trigger: { kind: 'score', isMql: true, total: 58 }, at: at(20) },
    ]);
    expect(transitions.map((t) => formatStageOrdinal(t.to, t.ordinal))).toEqual([
      'NAM-01',
      'ENG-01',
      'MQL-01',
      'SQL-01',
      'ENG-02',
      'MQL-02',
    ]);
    expect(state.stage).toBe('mql');
  });

  it('a dormant lead that becomes active again is engaged', () => {
    const { state: s0 } = createLifecycleState({ at: at(0) });
    const { state, transitions } = applyLifecycleTriggers(s0, [
      { trigger: event('registration'), at: at(1) },
      { trigger: { kind: 'inactivity', idleDays: 95, dormantAfterDays: 90 }, at: at(96) },
      { trigger: event('content_view'), at: at(120) },
    ]);
    expect(transitions.map((t) => t.to)).toEqual(['name', 'dormant', 'engaged']);
    expect(state.stage).toBe('engaged');
  });

  it('inactivity shorter than the limit keeps the stage', () => {
    for (const stage of ['name', 'customer'] as const) {
      const { state } = createLifecycleState({ at: at(0), stage });
      const step = applyLifecycleTrigger(state, { kind: 'inactivity', idleDays: 89, dormantAfterDays: 90 }, at(89));
      expect(step.transition).toBeNull();
    }
  });

  it('answers every trigger from every stage with a move or a reason, never a throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LIFECYCLE_STAGES), triggerArb, (stage, trigger) => {
        const { state } = createLifecycleState({ at: at(0), stage });
        const step = applyLifecycleTrigger(state, trigger, at(1));
        if (step.transition) expect(isAllowedTransition(stage, step.transition.to)).toBe(true);
        else expect('reason' in step && step.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('an advisor marks the trial attended, then the enrolment: opportunity, customer', () => {
    const { state: s0 } = createLifecycleState({ at: at(0), stage: 'sql' });
    const { state, transitions } = applyLifecycleTriggers(s0, [
      { trigger: { kind: 'advisor', action: 'mark_attended', advisorId: 'a1' }, at: at(1) },
      { trigger: { kind: 'advisor', action: 'mark_enrolled', advisorId: 'a1' }, at: at(2) },
    ]);
    expect(transitions.map((t) => `${t.ruleId}:${formatStageOrdinal(t.to, t.ordinal)}`)).toEqual([
      'trial_attended:OPP-01',
      'enrolled:CUS-01',
    ]);
    expect(state.stage).toBe('customer');
  });

  it('a score falling below the threshold moves an MQL back to engaged; an SQL stays with its advisor', () => {
    const below: LifecycleTrigger = { kind: 'score', isMql: false, total: 20 };
    const fromMql = applyLifecycleTrigger(createLifecycleState({ at: at(0), stage: 'mql' }).state, below, at(1));
    expect(fromMql.transition?.to).toBe('engaged');
    const fromSql = applyLifecycleTrigger(createLifecycleState({ at: at(0), stage: 'sql' }).state, below, at(1));
    expect(fromSql.transition).toBeNull();
  });

  it('every stage has a way in and a way out: no dead ends, not even customer or advocate', () => {
    for (const stage of LIFECYCLE_STAGES) {
      const hasWayIn = stage === 'awareness' || LIFECYCLE_STAGES.some((from) => isAllowedTransition(from, stage));
      const hasWayOut = LIFECYCLE_STAGES.some((to) => to !== stage && isAllowedTransition(stage, to));
      expect({ stage, hasWayIn, hasWayOut }).toEqual({ stage, hasWayIn: true, hasWayOut: true });
    }
  });
});

/** The rules the workbench brought to light (issue 9 §7), one test per rule, named after it. */
describe('lifecycle rules from the playbook (issue 9 §7)', () => {
  const from = (stage: LifecycleStage) => createLifecycleState({ at: at(0), stage }).state;
  const stepTo = (stage: LifecycleStage, trigger: LifecycleTrigger) =>
    applyLifecycleTrigger(from(stage), trigger, at(1)).transition;

  it('friend means a relationship: subscribing makes a lead a friend, a page view alone does not', () => {
    expect(stepTo('awareness', event('page_view'))).toBeNull();
    expect(stepTo('awareness', event('subscribe_accept'))).toMatchObject({ to: 'friend', ruleId: 'followed' });
    // From friend, accepting another message is an engaging interaction.
    expect(stepTo('friend', event('subscribe_accept'))).toMatchObject({ to: 'engaged' });
  });

  it('a returned lead is held in nurture: a qualifying score alone does not make it MQL again', () => {
    const held: LifecycleTrigger = { kind: 'score', isMql: true, total: 80, isNurtureHold: true };
    for (const stage of ['engaged', 'target'] as const) expect(stepTo(stage, held)).toBeNull();
    expect(stepTo('engaged', { ...held, isNurtureHold: false })).toMatchObject({ to: 'mql' });
  });

  it('a trial booking is engagement, not an opportunity, until an advisor accepts the lead', () => {
    for (const stage of ['name', 'engaged', 'target', 'mql'] as const) {
      expect(stepTo(stage, event('trial_booked'))?.to).not.toBe('opportunity');
    }
    expect(stepTo('name', event('trial_booked'))).toMatchObject({ to: 'engaged' });
    // Accepted (SQL) and then booked: an opportunity.
    expect(stepTo('sql', event('trial_booked'))).toMatchObject({ to: 'opportunity', ruleId: 'trial_booked_by_sql' });
  });

  it("the advisor's accept of a lead with a booked trial makes it an opportunity; without one, an SQL", () => {
    const accept = (hasBookedTrial: boolean): LifecycleTrigger => ({
      kind: 'advisor',
      action: 'accept',
      advisorId: 'a1',
      hasBookedTrial,
    });
    expect(stepTo('mql', accept(true))).toMatchObject({ to: 'opportunity', ruleId: 'accepted_with_trial' });
    expect(stepTo('mql', accept(false))).toMatchObject({ to: 'sql', ruleId: 'advisor_accepted' });
    expect(stepTo('engaged', event('trial_attended'))).toMatchObject({ to: 'opportunity', ruleId: 'trial_attended' });
  });

  it('a lead handed to an advisor is MQL and stays MQL while the advisor holds it', () => {
    expect(stepTo('engaged', { kind: 'advisor', action: 'assign', advisorId: 'a1' })).toMatchObject({
      to: 'mql',
      ruleId: 'handed_to_advisor',
    });
    expect(stepTo('mql', { kind: 'score', isMql: false, total: 10, isWithAdvisor: true })).toBeNull();
    expect(stepTo('mql', { kind: 'score', isMql: false, total: 10, isWithAdvisor: false })).toMatchObject({
      to: 'engaged',
    });
  });

  it('customer is not a dead end: a customer lapses to dormant and a re-enrolment is the next cycle (CUS-02)', () => {
    const { transitions } = applyLifecycleTriggers(from('customer'), [
      { trigger: { kind: 'inactivity', idleDays: 400, dormantAfterDays: 90 }, at: at(400) },
      { trigger: event('content_view'), at: at(401) },
      { trigger: event('enrolled'), at: at(402) },
      { trigger: event('referral_signup'), at: at(403) },
      { trigger: event('enrolled'), at: at(404) },
      { trigger: event('enrolled'), at: at(405) },
    ]);
    expect(transitions.map((t) => `${t.ruleId}:${formatStageOrdinal(t.to, t.ordinal)}`)).toEqual([
      'customer_lapsed:DOR-01',
      'reactivated:ENG-01',
      'enrolled:CUS-02',
      'referred_others:ADV-01',
      're_enrolled:CUS-03',
      're_enrolled:CUS-04',
    ]);
  });
});
