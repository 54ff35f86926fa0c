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

  it('classifies with the intent table it is given, not the default one', () => {
    const webinar = [
      {
        id: 'webinar',
        intent: 'high' as const,
        label: '直播报名',
        sourceKind: 'touchpoint' as const,
        channels: ['live'],
      },
    ];
    const source: LeadSource = { kind: 'touchpoint', type: 'registration', channel: 'live' };
    const advisors = [advisor('a1')];
    const byDefault = routeLead({ lead, source, isMql: false, advisors, cursor: {} });
    expect(byDefault.decision).toMatchObject({ kind: 'pool', reason: 'low_intent' });
    const custom = routeLead({ lead, source, isMql: false, advisors, cursor: {}, intentRules: webinar });
    expect(custom.intent).toEqual({ intent: 'high', ruleId: 'webinar', label: '直播报名' });
    expect(custom.decision).toMatchObject({ kind: 'advisor', advisorId: 'a1', reason: 'high_intent' });
    // A table without the consultation row makes even a consultation request low intent.
    const consult: LeadSource = { kind: 'touchpoint', type: 'consultation_request' };
    const strict = routeLead({ lead, source: consult, isMql: false, advisors, cursor: {}, intentRules: webinar });
    expect(strict.decision).toMatchObject({ kind: 'pool', reason: 'low_intent' });
    expect(strict.decision.detail).toBe('low-intent source (default) and not MQL: nurture until it qualifies');
  });

  it('returns the intent, the decision and the cursor the next lead must start from', () => {
    const result = routeLead({
      lead,
      source: { kind: 'touchpoint', type: 'page_view', channel: 'SEM' },
      isMql: false,
      advisors: [advisor('a1'), advisor('a2')],
      cursor: { 'campus:c1:course:ielts': 'a1' },
    });
    expect(result).toEqual({
      intent: { intent: 'high', ruleId: 'paid_search', label: '付费搜索落地页' },
      decision: {
        kind: 'advisor',
        leadId: 'l1',
        advisorId: 'a2',
        poolKey: 'campus:c1:course:ielts',
        reason: 'high_intent',
        detail: 'round-robin in campus:c1:course:ielts: a2 (1/5)',
      },
      cursor: { 'campus:c1:course:ielts': 'a2' },
    });
  });
});
