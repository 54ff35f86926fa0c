import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TouchpointEvent } from '../events/touchpoint.js';
import { DEFAULT_JOURNEY_MODEL } from '../journey/journey-state.js';
import { formatStageOrdinal } from '../lifecycle/stages.js';
import { DEFAULT_SCORING_MODEL } from '../scoring/default-model.js';
import { leadProfileSchema } from '../scoring/lead-profile.js';
import { type AdvanceLeadResult, advanceLead, applyLeadTrigger, type LeadSignal } from './advance-lead.js';
import { createLeadState, type LeadDomainState } from './lead-state.js';

const model = DEFAULT_SCORING_MODEL;
const journeyModel = DEFAULT_JOURNEY_MODEL;
const t0 = Date.UTC(2026, 2, 2, 1);
const HOUR = 3_600_000;
const at = (hours: number) => new Date(t0 + hours * HOUR);
let counter = 0;
const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const CONTENT = id();
const ADVISOR = id();

function view(hours: number, contentStage: LeadSignal['contentStage'], minutes = 3): LeadSignal {
  const signal: TouchpointEvent = {
    id: id(),
    type: 'content_view',
    occurredAt: at(hours).toISOString(),
    contentId: CONTENT,
    props: { durationMs: minutes * 60_000 },
  };
  return { signal, contentStage };
}

function download(hours: number, contentStage: LeadSignal['contentStage']): LeadSignal {
  const signal: TouchpointEvent = {
    id: id(),
    type: 'content_download',
    occurredAt: at(hours).toISOString(),
    contentId: CONTENT,
    props: {},
  };
  return { signal, contentStage };
}

const fairProfile = leadProfileSchema.parse({ role: 'parent', gradeBand: 'primary', timeline: 'within_1_year' });

function fairLead(): LeadDomainState {
  return createLeadState({ at: at(0).toISOString(), model, profile: fairProfile, stage: 'name', source: 'fair' }).state;
}

const stagesOf = (r: AdvanceLeadResult) => r.lifecycleTransitions.map((t) => formatStageOrdinal(t.to, t.ordinal));

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
    expect(engagementPoints).toBeGreaterThanOrEqual(result.score.engagement - 1e-6);
  });

  it('a lead returned by an advisor loses points, goes back to the pool and shows MQL-02 on re-qualifying', () => {
    const qualified = advanceLead({
      state: fairLead(),
      signals: [view(1, 'exploring'), view(2, 'considering'), download(3, 'considering'), view(4, 'preferring')],
      model,
      journeyModel,
      now: at(5),
    });
    expect(qualified.state.lifecycle.stage).toBe('mql');
    const accepted = applyLeadTrigger(
      qualified.state,
      { kind: 'advisor', action: 'accept', advisorId: ADVISOR },
      at(6),
    );
    expect(accepted.transition?.to).toBe('sql');

    const returned = advanceLead({
      state: accepted.state,
      signals: [{ signal: { id: id(), type: 'advisor_return', occurredAt: at(30).toISOString(), advisorId: ADVISOR } }],
      model,
      journeyModel,
      now: at(30),
    });
    expect(returned.score.total).toBeLessThan(qualified.score.total);
    expect(returned.ledger).toContainEqual(expect.objectContaining({ ruleId: 'advisor-return', points: -20 }));
    // Back to the nurture pool; still a fit, so it is a target again, but no longer MQL.
    expect(stagesOf(returned)).toEqual(['ENG-02', 'TGT-02']);
    expect(returned.score.isMql).toBe(false);

    const consult: TouchpointEvent = {
      id: id(),
      type: 'consultation_request',
      occurredAt: at(50).toISOString(),
      props: {},
    };
    const requalified = advanceLead({
      state: returned.state,
      signals: [{ signal: consult }],
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
  const signalArb = fc
    .array(
      fc.record({
        hours: fc.integer({ min: 1, max: 24 * 60 }),
        kind: fc.constantFrom('view', 'download', 'consult', 'unsubscribe'),
        stage: fc.constantFrom('exploring', 'considering', 'preferring') as fc.Arbitrary<LeadSignal['contentStage']>,
      }),
      { maxLength: 25 },
    )
    .map((items) =>
      items.map(({ hours, kind, stage }): LeadSignal => {
        if (kind === 'view') return view(hours, stage);
        if (kind === 'download') return download(hours, stage);
        const type = kind === 'consult' ? 'consultation_request' : 'unsubscribe';
        return { signal: { id: id(), type, occurredAt: at(hours).toISOString(), props: {} } as TouchpointEvent };
      }),
    );

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
});
