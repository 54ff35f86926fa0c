import { describe, expect, it } from 'vitest';
import { UNKNOWN_LEAD_PROFILE } from '../scoring/lead-profile.js';
import { buildSampleSignal } from '../scoring/scoring-test-kit.js';
import { classifyLeadOutcome, toTrainingLead } from './lead-outcome.js';

const T = Date.parse('2026-10-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('classifyLeadOutcome (issue 15 §4)', () => {
  it('an enrolment is positive even after a return', () => {
    expect(classifyLeadOutcome({ enrolledAt: iso(T), returnedAt: iso(T - 1000), dormantAt: null })).toEqual({
      kind: 'enrolled',
      isConverted: true,
      at: iso(T),
    });
  });

  it('a return or dormancy without enrolment is negative, at the earlier of the two', () => {
    expect(classifyLeadOutcome({ enrolledAt: null, returnedAt: iso(T), dormantAt: iso(T + 1) })).toMatchObject({
      kind: 'returned',
      isConverted: false,
      at: iso(T),
    });
    expect(classifyLeadOutcome({ enrolledAt: null, returnedAt: iso(T), dormantAt: iso(T - 1) })).toMatchObject({
      kind: 'dormant',
      at: iso(T - 1),
    });
    expect(classifyLeadOutcome({ enrolledAt: null, returnedAt: iso(T), dormantAt: iso(T) })?.kind).toBe('returned');
    expect(classifyLeadOutcome({ enrolledAt: null, returnedAt: null, dormantAt: iso(T) })?.kind).toBe('dormant');
  });

  it('an open lead has no outcome', () => {
    expect(classifyLeadOutcome({ enrolledAt: null, returnedAt: null, dormantAt: null })).toBeNull();
  });
});

describe('toTrainingLead', () => {
  it('keeps only signals strictly before the outcome, never the outcome signals', () => {
    const signals = [
      buildSampleSignal('consultation_request', 'a', T - 2000),
      buildSampleSignal('advisor_return', 'b', T - 1500),
      {
        id: 'c',
        type: 'enrolled' as const,
        occurredAt: iso(T - 1000),
        props: { courseId: '00000000-0000-4000-8000-000000000001', amountFen: 100 },
      },
      buildSampleSignal('page_view', 'd', T),
      buildSampleSignal('page_view', 'e', T + 1),
    ];
    const lead = toTrainingLead({
      id: 'l1',
      profile: UNKNOWN_LEAD_PROFILE,
      signals,
      outcome: { kind: 'enrolled', isConverted: true, at: iso(T) },
    });
    expect(lead.signals.map((s) => s.id)).toEqual(['a']);
    expect(lead).toMatchObject({ id: 'l1', isConverted: true });
  });
});
