import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOUCHPOINT_TYPES } from '../events/touchpoint.js';
import { applyLifecycleTrigger, applyLifecycleTriggers, createLifecycleState } from './machine.js';
import { formatStageOrdinal, LIFECYCLE_STAGES } from './stages.js';
import { ADVISOR_ACTIONS, isAllowedTransition, LIFECYCLE_RULES, type LifecycleTrigger } from './transitions.js';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();
const event = (eventType: (typeof TOUCHPOINT_TYPES)[number]): LifecycleTrigger => ({
  kind: 'event',
  eventType,
  eventId: eventType,
});

const triggerArb: fc.Arbitrary<LifecycleTrigger> = fc.oneof(
  fc.constantFrom(...TOUCHPOINT_TYPES).map(event),
  fc.record({ kind: fc.constant('score' as const), isMql: fc.boolean(), total: fc.integer({ min: -50, max: 200 }) }),
  fc.record({ kind: fc.constant('fit' as const), isTarget: fc.boolean() }),
  fc.record({
    kind: fc.constant('advisor' as const),
    action: fc.constantFrom(...ADVISOR_ACTIONS),
    advisorId: fc.constant('a1'),
  }),
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
          expect(t.to).not.toBe(t.from);
          expect(isAllowedTransition(t.from ?? 'awareness', t.to)).toBe(true);
          // The row that fired is in the table, allows this `from`, leads to this `to` and matches the cause.
          const rule = LIFECYCLE_RULES.find((r) => r.id === t.ruleId);
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

  it('inactivity shorter than the limit keeps the stage; customers never go dormant', () => {
    const { state: s0 } = createLifecycleState({ at: at(0), stage: 'customer' });
    expect(
      applyLifecycleTrigger(s0, { kind: 'inactivity', idleDays: 400, dormantAfterDays: 90 }, at(400)).transition,
    ).toBeNull();
    const { state: s1 } = createLifecycleState({ at: at(0) });
    expect(
      applyLifecycleTrigger(s1, { kind: 'inactivity', idleDays: 89, dormantAfterDays: 90 }, at(89)).transition,
    ).toBeNull();
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
      'trial_booked:OPP-01',
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

  it('every stage has a way in and a way out (no dead ends besides advocate)', () => {
    for (const stage of LIFECYCLE_STAGES) {
      const hasWayIn = stage === 'awareness' || LIFECYCLE_STAGES.some((from) => isAllowedTransition(from, stage));
      const hasWayOut = LIFECYCLE_STAGES.some((to) => isAllowedTransition(stage, to));
      expect(hasWayIn).toBe(true);
      expect(hasWayOut || stage === 'advocate').toBe(true);
    }
  });
});
