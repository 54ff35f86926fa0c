import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStageOrdinal } from '../lifecycle/stages.js';
import { type AdvanceLeadResult, advanceLead, compareSignalOrder } from './advance-lead.js';
import {
  ADVISOR,
  at,
  consult,
  download,
  fairLead,
  fairProfile,
  iso,
  journeyModel,
  model,
  returnSignal,
  signalArb,
  staff,
  stagesOf,
  touch,
  view,
} from './advance-lead-test-kit.js';
import { createLeadState } from './lead-state.js';
import { findStaffSignalRefusal, STAFF_SIGNAL_TYPES, type StaffSignal } from './staff-signal.js';

describe('advanceLead: playbook scenarios', () => {
  it('a fair-imported lead reads two articles, downloads a case study, views pricing: preferring and MQL', () => {
    const result = advanceLead({
      state: fairLead(),
      signals: [view(1, 'exploring'), view(2, 'exploring'), download(24, 'considering'), view(26, 'preferring')],
      model,
      journeyModel,
      now: at(27),
    });
    expect(result.journeyTransitions.map((t) => t.to)).toEqual(['exploring', 'considering', 'preferring']);
    expect(stagesOf(result)).toEqual(['ENG-01', 'TGT-01', 'MQL-01']);
    expect(result.score.isMql).toBe(true);
    expect(result.score.total).toBeGreaterThanOrEqual(model.mql.minTotal);
    // The ledger explains every engagement point of the score.
    const engagementPoints = result.ledger
      .filter((e) => e.dimension === 'engagement')
      .reduce((s, e) => s + e.points, 0);
    // Points are recorded as earned; decay since then lowers the score, never raises it.
    expect(engagementPoints).toBeGreaterThanOrEqual(result.score.engagement - 1e-6);
  });

  it('a lead handed over, accepted and returned loses points, goes back to the pool and shows MQL-02 on re-qualifying', () => {
    const qualified = advanceLead({
      state: fairLead(),
      signals: [view(1, 'exploring'), view(2, 'considering'), download(3, 'considering'), view(4, 'preferring')],
      model,
      journeyModel,
      now: at(5),
    });
    expect(qualified.state.lifecycle.stage).toBe('mql');
    const accepted = advanceLead({
      state: qualified.state,
      signals: [staff(5, 'lead_assigned'), staff(6, 'lead_accepted')],
      model,
      journeyModel,
      now: at(6),
    });
    expect(stagesOf(accepted)).toEqual(['SQL-01']);
    expect(accepted.state.owner).toEqual({ advisorId: ADVISOR, assignedAt: iso(5), acceptedAt: iso(6) });

    const returned = advanceLead({
      state: accepted.state,
      signals: [returnSignal(30)],
      model,
      journeyModel,
      now: at(30),
    });
    expect(returned.score.total).toBeLessThan(qualified.score.total);
    expect(returned.ledger).toContainEqual(expect.objectContaining({ ruleId: 'advisor-return', points: -20 }));
    // Back to the nurture pool; still a fit, so it is a target again, but no longer MQL.
    expect(stagesOf(returned)).toEqual(['ENG-02', 'TGT-02']);
    expect(returned.score.isMql).toBe(false);
    expect(returned.state).toMatchObject({ owner: null, nurtureHoldSince: iso(30) });

    const requalified = advanceLead({
      state: returned.state,
      signals: [{ signal: consult(50) }],
      model,
      journeyModel,
      now: at(50),
    });
    expect(stagesOf(requalified)).toContain('MQL-02');
    expect(requalified.state.lifecycle.stage).toBe('mql');
  });

  it('a profile change alone writes fit ledger rows and can make the lead a target', () => {
    const state = createLeadState({ at: at(0).toISOString(), model, stage: 'name' }).state;
    const result = advanceLead({ state, signals: [], profile: fairProfile, model, journeyModel, now: at(1) });
    expect(result.ledger.map((e) => e.ruleId).sort()).toEqual(['grade-k12', 'role-parent', 'timeline-within-year']);
    expect(result.state.lifecycle.stage).toBe('target');
  });
});

describe('advanceLead: batches', () => {
  it('one batch or two batches in time order reach the same score, stages and moves', () => {
    fc.assert(
      fc.property(signalArb, fc.nat(), (signals, cut) => {
        const sorted = [...signals].sort((a, b) => a.signal.occurredAt.localeCompare(b.signal.occurredAt));
        const k = sorted.length === 0 ? 0 : cut % (sorted.length + 1);
        const now = at(24 * 61);
        const whole = advanceLead({ state: fairLead(), signals: sorted, model, journeyModel, now });
        const first = advanceLead({ state: fairLead(), signals: sorted.slice(0, k), model, journeyModel, now: at(0) });
        const second = advanceLead({ state: first.state, signals: sorted.slice(k), model, journeyModel, now });
        expect(second.score.total).toBeCloseTo(whole.score.total, 6);
        expect(second.state.lifecycle.stage).toBe(whole.state.lifecycle.stage);
        expect(second.state.journey.stage).toBe(whole.state.journey.stage);
        const ledgerSum = (r: AdvanceLeadResult[]) => r.flatMap((x) => x.ledger).reduce((s, e) => s + e.points, 0);
        expect(ledgerSum([first, second])).toBeCloseTo(ledgerSum([whole]), 6);
      }),
      { numRuns: 60 },
    );
  });

  it('with no time for decay, the ledger explains the engagement score exactly, per rule', () => {
    fc.assert(
      fc.property(signalArb, (signals) => {
        // Every signal in the same hour as the batch: what was earned is what the score holds.
        const sameHour = signals.map(({ signal, contentStage }) => ({
          signal: { ...signal, occurredAt: at(30).toISOString() },
          contentStage,
        }));
        const result = advanceLead({ state: fairLead(), signals: sameHour, model, journeyModel, now: at(30) });
        const byRule = new Map<string, number>();
        for (const e of result.ledger.filter((entry) => entry.dimension === 'engagement')) {
          byRule.set(e.ruleId, (byRule.get(e.ruleId) ?? 0) + e.points);
        }
        // A rule whose entries cancel out holds nothing, and the breakdown leaves it out.
        const earned = [...byRule].filter(([, points]) => Math.abs(points) > 1e-9);
        const scored = result.score.breakdown.filter((b) => b.dimension === 'engagement');
        expect(Object.fromEntries(earned.map(([r, p]) => [r, Number(p.toFixed(6))]))).toEqual(
          Object.fromEntries(scored.map((b) => [b.ruleId, Number(b.points.toFixed(6))])),
        );
      }),
      { numRuns: 60 },
    );
  });
});

/** The rules the workbench brought to light (issue 9 §7), each through the one domain path. */
describe('advanceLead: lifecycle rules from the playbook (issue 9 §7)', () => {
  /** Fit 34, a consultation and reading: total over 60, well past MQL even after a return. */
  function workedLead() {
    const qualified = advanceLead({
      state: fairLead(),
      signals: [view(1, 'considering'), download(2, 'considering'), { signal: consult(3) }],
      model,
      journeyModel,
      now: at(4),
    });
    return advanceLead({
      state: qualified.state,
      signals: [staff(4, 'lead_assigned'), staff(5, 'lead_accepted')],
      model,
      journeyModel,
      now: at(5),
    });
  }

  it('a returned SQL goes to engaged and does not re-qualify as MQL in the same batch, though its score is still over', () => {
    const worked = workedLead();
    expect(worked.state.lifecycle.stage).toBe('sql');
    const returned = advanceLead({
      state: worked.state,
      // Activity from before the return, arriving late in the same batch, earns nothing back.
      signals: [returnSignal(6), view(5.5, 'considering')],
      model,
      journeyModel,
      now: at(6),
    });
    expect(returned.score.isMql).toBe(true);
    expect(returned.state.lifecycle.stage).not.toBe('mql');
    expect(stagesOf(returned)).toEqual(['ENG-02', 'TGT-02']);
    expect(returned.state.nurtureHoldSince).toBe(iso(6));
  });

  it('re-qualification needs new meaningful activity after the return: a page view is not enough, a read is', () => {
    const returned = advanceLead({
      state: workedLead().state,
      signals: [returnSignal(6)],
      model,
      journeyModel,
      now: at(6),
    });
    const visited = advanceLead({
      state: returned.state,
      signals: [touch(7, 'page_view')],
      model,
      journeyModel,
      now: at(7),
    });
    expect(visited.state.lifecycle.stage).toBe('target');
    const read = advanceLead({
      state: visited.state,
      signals: [view(8, 'considering')],
      model,
      journeyModel,
      now: at(8),
    });
    expect(stagesOf(read)).toEqual(['MQL-02']);
    expect(read.state.nurtureHoldSince).toBeNull();
  });

  it('MQL also needs a considering, preferring or purchasing journey stage: an exploring lead over the score is not MQL', () => {
    const explorer = advanceLead({
      state: fairLead(),
      signals: [view(1, 'exploring', 10), view(2, 'exploring', 10), view(3, 'exploring', 10)],
      model,
      journeyModel,
      now: at(4),
    });
    expect(explorer.state.journey.stage).toBe('exploring');
    expect(explorer.score.total).toBeGreaterThanOrEqual(model.mql.minTotal);
    expect(explorer.score.isMql).toBe(false);
    expect(explorer.state.lifecycle.stage).toBe('target');
    const comparing = advanceLead({
      state: explorer.state,
      signals: [view(5, 'considering')],
      model,
      journeyModel,
      now: at(5),
    });
    expect(stagesOf(comparing)).toEqual(['MQL-01']);
  });

  it('a trial booking does not make a registered lead an opportunity; the accept of the booked lead does', () => {
    const booked = advanceLead({
      state: createLeadState({ at: iso(0), model, stage: 'name' }).state,
      signals: [touch(1, 'trial_booked')],
      model,
      journeyModel,
      now: at(1),
    });
    expect(stagesOf(booked)).toEqual(['ENG-01']);
    const accepted = advanceLead({
      state: booked.state,
      signals: [staff(2, 'lead_assigned'), staff(3, 'lead_accepted', { hasBookedTrial: true })],
      model,
      journeyModel,
      now: at(3),
    });
    expect(accepted.lifecycleTransitions.map((t) => `${t.ruleId}:${formatStageOrdinal(t.to, t.ordinal)}`)).toEqual([
      'handed_to_advisor:MQL-01',
      'accepted_with_trial:OPP-01',
    ]);
  });

  it('a lead handed to an advisor stays MQL while they hold it, and falls back when released unaccepted', () => {
    const state = createLeadState({ at: iso(0), model, stage: 'engaged' }).state;
    const held = advanceLead({ state, signals: [staff(1, 'lead_assigned')], model, journeyModel, now: at(1) });
    expect(stagesOf(held)).toEqual(['MQL-01']);
    const later = advanceLead({ state: held.state, signals: [], model, journeyModel, now: at(48) });
    expect(later.state.lifecycle.stage).toBe('mql');
    const released = advanceLead({
      state: held.state,
      signals: [staff(49, 'lead_released')],
      model,
      journeyModel,
      now: at(49),
    });
    expect(released.state.owner).toBeNull();
    expect(stagesOf(released)).toEqual(['ENG-02']);
  });
});

describe('advanceLead: staff signals', () => {
  const typeArb = fc.constantFrom(...STAFF_SIGNAL_TYPES);
  const advisorArb = fc.constantFrom('00000000-0000-4000-8000-00000000a001', '00000000-0000-4000-8000-00000000a002');
  const staffArb = fc
    .array(fc.record({ type: typeArb, advisorId: advisorArb, trial: fc.boolean(), reassign: fc.boolean() }), {
      maxLength: 12,
    })
    .map((items) =>
      items.map(({ type, advisorId, trial, reassign }, i) =>
        staff(i + 1, type, {
          advisorId,
          ...(type === 'lead_assigned' ? { assignment: reassign ? 'reassigned' : 'claimed' } : {}),
          ...(type === 'lead_accepted' ? { hasBookedTrial: trial } : {}),
        }),
      ),
    );

  it('a refused signal changes nothing; an applied one sets the owner it says; SQL and opportunity follow an accept', () => {
    fc.assert(
      fc.property(staffArb, (signals) => {
        // Settled first (its fit makes it a target), so that any later move is the signal's.
        let state = advanceLead({ state: fairLead(), signals: [], model, journeyModel, now: at(0) }).state;
        for (const [i, item] of signals.entries()) {
          const signal = item.signal as StaffSignal;
          const refusal = findStaffSignalRefusal(state, signal);
          const result = advanceLead({ state, signals: [item], model, journeyModel, now: at(i + 1) });
          if (refusal) {
            expect(result.refused).toEqual([{ signalId: signal.id, reason: refusal }]);
            expect(result.state.owner ?? null).toEqual(state.owner ?? null);
            expect(result.lifecycleTransitions).toEqual([]);
          } else {
            expect(result.refused).toEqual([]);
            const owner = result.state.owner ?? null;
            if (signal.type === 'lead_released' || signal.type === 'lead_sla_missed') expect(owner).toBeNull();
            else expect(owner?.advisorId).toBe(signal.advisorId);
            if (signal.type === 'lead_accepted') expect(owner?.acceptedAt).toBe(signal.occurredAt);
            if (signal.type === 'lead_assigned') expect(owner?.acceptedAt).toBeNull();
          }
          for (const move of result.lifecycleTransitions) {
            if (move.to === 'sql' || move.to === 'opportunity') expect(signal.type).toBe('lead_accepted');
          }
          state = result.state;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('compareSignalOrder: the order advanceLead applies signals in', () => {
  it('orders by instant whatever the offset, then by id in code-unit order', () => {
    const signals = [
      { id: 'b', occurredAt: '2026-03-02T09:00:00.000+08:00' },
      { id: 'a', occurredAt: '2026-03-02T01:00:00.001Z' },
      { id: 'c', occurredAt: '2026-03-02T01:00:00.000Z' },
      { id: 'B', occurredAt: '2026-03-02T01:00:00.000Z' },
    ];
    expect([...signals].sort(compareSignalOrder).map((s) => s.id)).toEqual(['B', 'b', 'c', 'a']);
    expect(compareSignalOrder(signals[2] as (typeof signals)[number], signals[2] as (typeof signals)[number])).toBe(0);
  });
});
