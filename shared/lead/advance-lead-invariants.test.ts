/**
 * What holds for any batch `advanceLead` is given: arrival order does not matter, the ledger
 * records what a profile change took away as well as what it gave, arrivals are counted per
 * journey stage, and a return moves only the returning advisor's hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoringModel } from '../scoring/scoring-model.js';
import { advanceLead, isTargetFit } from './advance-lead.js';
import {
  ADVISOR,
  at,
  download,
  fairLead,
  fairProfile,
  id,
  iso,
  journeyModel,
  model,
  signalArb,
  staff,
  view,
} from './advance-lead-test-kit.js';

describe('advanceLead: invariants', () => {
  it('takes signals in the order they happened, whatever order the batch lists them in', () => {
    const batches = signalArb.chain((signals) =>
      fc.tuple(fc.constant(signals), fc.shuffledSubarray(signals, { minLength: signals.length })),
    );
    fc.assert(
      fc.property(batches, ([listed, shuffled]) => {
        const run = (signals: typeof listed) =>
          advanceLead({ state: fairLead(), signals, model, journeyModel, now: at(24 * 61) });
        const [a, b] = [run(listed), run(shuffled)];
        expect(b.state).toEqual(a.state);
        expect(b.lifecycleTransitions).toEqual(a.lifecycleTransitions);
        expect(b.journeyTransitions).toEqual(a.journeyTransitions);
        expect(b.ledger).toEqual(a.ledger);
      }),
      { numRuns: 60 },
    );
  });

  it('is a target exactly from the model’s fit minimum up, and never without one', () => {
    const { minFit } = model.mql;
    expect(minFit).toBeDefined();
    expect(isTargetFit(minFit as number, model)).toBe(true);
    expect(isTargetFit((minFit as number) - 0.01, model)).toBe(false);
    const noMinimum: ScoringModel = { ...model, mql: { ...model.mql, minFit: undefined } };
    expect(isTargetFit(1000, noMinimum)).toBe(false);
  });

  it('a profile change writes what it takes away as well as what it gives', () => {
    const student = { ...fairProfile, role: 'student' as const };
    const { ledger } = advanceLead({
      state: fairLead(),
      signals: [],
      profile: student,
      model,
      journeyModel,
      now: at(1),
    });
    expect(ledger.map(({ ruleId, points, dimension }) => ({ ruleId, points, dimension }))).toEqual([
      { ruleId: 'role-parent', points: -8, dimension: 'fit' },
      { ruleId: 'role-student', points: 4, dimension: 'fit' },
    ]);
    expect(ledger.every((e) => e.signalId === 'profile' && e.at === iso(1))).toBe(true);
  });

  it('counts arrivals per journey stage: a lead that cools and warms again is considering for the second time', () => {
    const first = advanceLead({
      state: fairLead(),
      signals: [download(1, 'considering'), view(2, 'considering')],
      model,
      journeyModel,
      now: at(3),
    });
    const cooled = advanceLead({ state: first.state, signals: [], model, journeyModel, now: at(24 * 90) });
    const warm = advanceLead({
      state: cooled.state,
      signals: [download(24 * 90 + 1, 'considering'), view(24 * 90 + 2, 'considering')],
      model,
      journeyModel,
      now: at(24 * 90 + 3),
    });
    const considering = [first, cooled, warm]
      .flatMap((r) => r.journeyTransitions)
      .filter((t) => t.to === 'considering');
    expect(considering.map((t) => t.ordinal)).toEqual([1, 2]);
    expect(cooled.journeyTransitions.length).toBeGreaterThan(0);
    expect(warm.state.journey.arrivals.considering).toBe(2);
    expect(warm.state.journey.stage).toBe('considering');
  });

  it('a return lifts the hold of the advisor who returns it, not another advisor’s', () => {
    const held = advanceLead({
      state: fairLead(),
      signals: [staff(1, 'lead_assigned')],
      model,
      journeyModel,
      now: at(2),
    }).state;
    expect(held.owner?.advisorId).toBe(ADVISOR);
    const other = id();
    const byOther = advanceLead({
      state: held,
      signals: [{ signal: { id: id(), type: 'advisor_return', occurredAt: iso(3), advisorId: other } }],
      model,
      journeyModel,
      now: at(4),
    });
    expect(byOther.state.owner?.advisorId).toBe(ADVISOR);
    expect(byOther.state.nurtureHoldSince).toBe(iso(3));
  });
});
