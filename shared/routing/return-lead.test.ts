import { describe, expect, it } from 'vitest';
import type { TouchpointEvent } from '../events/touchpoint.js';
import { DEFAULT_JOURNEY_MODEL } from '../journey/index.js';
import { advanceLead, applyLeadTrigger, createLeadState, type LeadSignal } from '../lead/index.js';
import { formatStageOrdinal } from '../lifecycle/index.js';
import { DEFAULT_SCORING_MODEL, leadProfileSchema } from '../scoring/index.js';
import { advisorReturnSignalSchema } from '../scoring/scoring-signal.js';
import type { RoutingAdvisor } from './choose-advisor.js';
import { returnLead } from './return-lead.js';
import { routeLead } from './route-lead.js';

const model = DEFAULT_SCORING_MODEL;
const journeyModel = DEFAULT_JOURNEY_MODEL;
const t0 = Date.UTC(2026, 2, 2, 1);
const at = (hours: number) => new Date(t0 + hours * 3_600_000);
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const LEAD = uuid(1);
const A1 = uuid(11);
const A2 = uuid(12);
const advisors: RoutingAdvisor[] = [A1, A2].map((id) => ({
  id,
  campusId: 'c1',
  courseIds: [],
  capacity: 10,
  openLeadCount: 0,
  isActive: true,
}));
const routable = { id: LEAD, campusId: 'c1', courseId: 'ielts' };

let counter = 100;
function touch(hours: number, type: 'content_view' | 'content_download', contentStage: LeadSignal['contentStage']) {
  const signal = { id: uuid(++counter), type, occurredAt: at(hours).toISOString(), props: {} } as TouchpointEvent;
  return { signal, contentStage };
}

describe('returnLead', () => {
  it('gives a typed advisor_return signal and a pool decision for the owner', () => {
    const result = returnLead({
      leadId: LEAD,
      ownerAdvisorId: A1,
      advisorId: A1,
      at: at(1).toISOString(),
      reason: 'unreachable',
      returnId: 'ret-1',
    });
    if (!result.ok) throw new Error(result.reason);
    expect(advisorReturnSignalSchema.parse(result.signal)).toEqual(result.signal);
    expect(result.signal).toMatchObject({ type: 'advisor_return', advisorId: A1, reason: 'unreachable' });
    expect(result.decision).toEqual({
      kind: 'pool',
      leadId: LEAD,
      reason: 'advisor_returned',
      detail: `returned by ${A1} (unreachable); nurture until it qualifies again`,
    });
  });

  it('says no, without throwing, when the advisor does not own the lead', () => {
    const input = { leadId: LEAD, advisorId: A2, at: at(1).toISOString(), reason: 'other' as const, returnId: 'r' };
    expect(returnLead({ ...input, ownerAdvisorId: A1 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(A1),
    });
    expect(returnLead({ ...input, ownerAdvisorId: null })).toEqual({
      ok: false,
      leadId: LEAD,
      reason: `lead ${LEAD} is owned by nobody, not by ${A2}`,
    });
  });

  it('playbook: an MQL handed over, accepted, returned, loses points, re-qualifies as MQL-02 with another advisor', () => {
    const profile = leadProfileSchema.parse({ role: 'parent', gradeBand: 'primary', timeline: 'within_1_year' });
    const start = createLeadState({ at: at(0).toISOString(), model, profile, stage: 'name', source: 'fair' }).state;
    const qualified = advanceLead({
      state: start,
      signals: [
        touch(1, 'content_view', 'exploring'),
        touch(2, 'content_view', 'considering'),
        touch(3, 'content_download', 'considering'),
        touch(4, 'content_view', 'preferring'),
      ],
      model,
      journeyModel,
      now: at(5),
    });
    expect(qualified.score.isMql).toBe(true);

    // Imported from a fair: low intent, handed over only because it is MQL now.
    const first = routeLead({ lead: routable, source: { kind: 'import' }, isMql: true, advisors, cursor: {} });
    expect(first.decision).toMatchObject({ kind: 'advisor', advisorId: A1, reason: 'qualified_mql' });
    const accepted = applyLeadTrigger(qualified.state, { kind: 'advisor', action: 'accept', advisorId: A1 }, at(6));
    expect(accepted.state.lifecycle.stage).toBe('sql');

    const returned = returnLead({
      leadId: LEAD,
      ownerAdvisorId: A1,
      advisorId: A1,
      at: at(30).toISOString(),
      reason: 'not_interested',
      returnId: uuid(900),
    });
    if (!returned.ok) throw new Error(returned.reason);
    const afterReturn = advanceLead({
      state: accepted.state,
      signals: [{ signal: returned.signal }],
      model,
      journeyModel,
      now: at(30),
    });
    expect(afterReturn.score.total).toBeLessThan(qualified.score.total);
    expect(afterReturn.state.lifecycle.stage).not.toBe('sql');
    expect(afterReturn.score.isMql).toBe(false);

    const consult = {
      signal: { id: uuid(901), type: 'consultation_request', occurredAt: at(50).toISOString(), props: {} },
    } as LeadSignal;
    const requalified = advanceLead({ state: afterReturn.state, signals: [consult], model, journeyModel, now: at(50) });
    const mql = requalified.lifecycleTransitions.find((t) => t.to === 'mql');
    expect(mql && formatStageOrdinal(mql.to, mql.ordinal)).toBe('MQL-02');

    const second = routeLead({
      lead: routable,
      source: { kind: 'touchpoint', type: 'consultation_request' },
      isMql: requalified.score.isMql,
      advisors,
      cursor: first.cursor,
      excludeAdvisorIds: [A1],
    });
    expect(second.decision).toMatchObject({ kind: 'advisor', advisorId: A2 });
  });
});
