import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOUCHPOINT_TYPES } from '../events/touchpoint.js';
import type { RoutingAdvisor } from './choose-advisor.js';
import { classifyLeadIntent, type LeadSource } from './lead-intent.js';
import { routeLead } from './route-lead.js';

const advisor = (id: string, over: Partial<RoutingAdvisor> = {}): RoutingAdvisor => ({
  id,
  campusId: 'c1',
  courseIds: ['ielts'],
  capacity: 5,
  openLeadCount: 0,
  isActive: true,
  ...over,
});
const lead = { id: 'l1', campusId: 'c1', courseId: 'ielts' };

const sourceArb: fc.Arbitrary<LeadSource> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('touchpoint' as const),
      type: fc.constantFrom(...TOUCHPOINT_TYPES),
      channel: fc.constantFrom('paid_search', 'event_qr', 'wechat_article', 'sem'),
    },
    { requiredKeys: ['kind', 'type'] },
  ),
  fc.constant<LeadSource>({ kind: 'import', listName: 'fair' }),
);

describe('routeLead', () => {
  it('sends high intent or MQL to an advisor and everything else to the pool', () => {
    fc.assert(
      fc.property(sourceArb, fc.boolean(), (source, isMql) => {
        const advisors = [advisor('a1'), advisor('a2')];
        const { decision, cursor } = routeLead({ lead, source, isMql, advisors, cursor: {} });
        const isHigh = classifyLeadIntent(source).intent === 'high';
        if (isHigh || isMql) {
          expect(decision).toMatchObject({ kind: 'advisor', advisorId: 'a1' });
          expect(decision.reason).toBe(isHigh ? 'high_intent' : 'qualified_mql');
        } else {
          expect(decision).toMatchObject({ kind: 'pool', reason: 'low_intent' });
          expect(cursor).toEqual({});
        }
        expect(routeLead({ lead, source, isMql, advisors, cursor: {} })).toEqual(
          routeLead({ lead, source, isMql, advisors, cursor: {} }),
        );
      }),
    );
  });

  it('a consultation request goes to an advisor now; a content download waits until MQL', () => {
    const advisors = [advisor('a1'), advisor('a2')];
    const consult = routeLead({
      lead,
      source: { kind: 'touchpoint', type: 'consultation_request' },
      isMql: false,
      advisors,
      cursor: {},
    });
    expect(consult.decision).toMatchObject({ kind: 'advisor', advisorId: 'a1', reason: 'high_intent' });
    const download: LeadSource = { kind: 'touchpoint', type: 'content_download' };
    const nurtured = routeLead({ lead, source: download, isMql: false, advisors, cursor: consult.cursor });
    expect(nurtured.decision).toMatchObject({ kind: 'pool', reason: 'low_intent' });
    const handedOver = routeLead({ lead, source: download, isMql: true, advisors, cursor: nurtured.cursor });
    expect(handedOver.decision).toMatchObject({ kind: 'advisor', advisorId: 'a2', reason: 'qualified_mql' });
  });

  it('a high-intent lead nobody has room for waits in the pool with the reason', () => {
    const { decision, cursor } = routeLead({
      lead,
      source: { kind: 'touchpoint', type: 'trial_booked' },
      isMql: true,
      advisors: [advisor('a1', { openLeadCount: 5 })],
      cursor: { x: 'y' },
    });
    expect(decision).toMatchObject({ kind: 'pool', reason: 'advisors_at_capacity' });
    expect(cursor).toEqual({ x: 'y' });
  });

  it('keeps a re-qualified lead away from the advisor who returned it', () => {
    const { decision } = routeLead({
      lead,
      source: { kind: 'touchpoint', type: 'content_download' },
      isMql: true,
      advisors: [advisor('a1'), advisor('a2')],
      cursor: {},
      excludeAdvisorIds: ['a1'],
    });
    expect(decision).toMatchObject({ kind: 'advisor', advisorId: 'a2' });
  });
});
