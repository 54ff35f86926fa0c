import { describe, expect, it } from 'vitest';
import {
  getEngagementPoints,
  isEngagementRuleMatch,
  measureEngagementUnits,
  measureRuleEntry,
} from './engagement-rule.js';
import type { EngagementRule } from './scoring-model.js';
import type { ScoringSignal } from './scoring-signal.js';

const UUID = '00000000-0000-4000-8000-000000000001';
const AT = '2026-04-01T02:00:00.000Z';
const call = (outcome: 'connected' | 'no_answer' | 'busy' | 'wrong_number', durationSec?: number): ScoringSignal => ({
  id: UUID,
  type: 'advisor_call',
  occurredAt: AT,
  props: { advisorId: UUID, outcome, ...(durationSec === undefined ? {} : { durationSec }) },
});
const message = (status: 'ok' | 'bounced', channel?: string): ScoringSignal => ({
  id: UUID,
  type: 'message_sent',
  occurredAt: AT,
  ...(channel === undefined ? {} : { channel }),
  props: { templateId: 'tpl', status },
});
const rule = (over: Partial<EngagementRule>): EngagementRule => ({
  id: 'r',
  label: '规则',
  signal: 'advisor_call',
  points: 8,
  dailyCap: 1,
  ...over,
});

describe('engagement rules (SPEC §2.3 weighted touchpoints)', () => {
  it('a rule filtered by call outcome scores the outcomes it lists and no other', () => {
    const connected = rule({ when: { outcome: ['connected'] }, points: 8 });
    const missed = rule({ when: { outcome: ['no_answer', 'busy', 'wrong_number'] }, points: -2 });
    expect(getEngagementPoints(connected, call('connected'))).toBe(8);
    expect(getEngagementPoints(connected, call('busy'))).toBe(0);
    for (const outcome of ['no_answer', 'busy', 'wrong_number'] as const) {
      expect(getEngagementPoints(missed, call(outcome))).toBe(-2);
    }
    expect(getEngagementPoints(missed, call('connected'))).toBe(0);
  });

  it('a rule filtered by send status scores delivered and bounced messages apart', () => {
    const delivered = rule({ signal: 'message_sent', when: { status: ['ok'] }, points: 5 });
    expect(isEngagementRuleMatch(delivered, message('ok'))).toBe(true);
    expect(isEngagementRuleMatch(delivered, message('bounced'))).toBe(false);
    const either = rule({ signal: 'message_sent', when: { status: ['ok', 'bounced'] } });
    expect(isEngagementRuleMatch(either, message('ok'))).toBe(true);
    expect(isEngagementRuleMatch(either, message('bounced'))).toBe(true);
  });

  it('a rule filtered by channel needs a signal from one of its channels', () => {
    const fromQr = rule({ signal: 'message_sent', when: { channels: ['event_qr'] } });
    expect(isEngagementRuleMatch(fromQr, message('ok', 'event_qr'))).toBe(true);
    expect(isEngagementRuleMatch(fromQr, message('ok', 'sem'))).toBe(false);
    expect(isEngagementRuleMatch(fromQr, message('ok'))).toBe(false);
    // An advisor return has no channel at all.
    const returned: ScoringSignal = { id: 'r1', type: 'advisor_return', occurredAt: AT, advisorId: UUID };
    expect(isEngagementRuleMatch({ ...fromQr, signal: 'advisor_return' }, returned)).toBe(false);
    expect(isEngagementRuleMatch(rule({ signal: 'advisor_return' }), returned)).toBe(true);
  });

  it('a rule never matches another signal type, and without filters matches every signal of its type', () => {
    expect(isEngagementRuleMatch(rule({}), message('ok'))).toBe(false);
    expect(getEngagementPoints(rule({}), message('ok'))).toBe(0);
    expect(isEngagementRuleMatch(rule({}), call('wrong_number'))).toBe(true);
  });

  it('per-unit points count whole and partial units of the prop, capped at maxUnits, never negative', () => {
    // 0.5 points per minute of call, at most 10 minutes, on top of 8 for the call itself.
    const perMinute = rule({ perUnit: { prop: 'durationSec', unit: 60, points: 0.5, maxUnits: 10 } });
    expect(measureEngagementUnits(perMinute, call('connected', 90))).toBe(1.5);
    expect(getEngagementPoints(perMinute, call('connected', 90))).toBe(8 + 0.75);
    expect(measureEngagementUnits(perMinute, call('connected', 600))).toBe(10);
    expect(measureEngagementUnits(perMinute, call('connected', 601))).toBe(10);
    expect(getEngagementPoints(perMinute, call('connected', 3600))).toBe(8 + 5);
    // A negative duration (a device clock gone backwards) earns nothing rather than a penalty.
    expect(measureEngagementUnits(perMinute, call('connected', -60))).toBe(0);
    // A call without a duration counts as zero units, not as an error.
    expect(getEngagementPoints(perMinute, call('connected'))).toBe(8);
    // Without perUnit only the rule's own points count, whatever the prop says.
    expect(measureEngagementUnits(rule({}), call('connected', 600))).toBe(0);
    expect(getEngagementPoints(rule({}), call('connected', 600))).toBe(8);
  });

  it('a threshold rule takes the amount of each matching signal towards its total, never below zero', () => {
    const fiveMinutes = rule({ points: 3, threshold: { prop: 'durationSec', atLeast: 300 } });
    expect(measureRuleEntry(fiveMinutes, call('connected', 90))).toBe(90);
    expect(measureRuleEntry(fiveMinutes, call('connected'))).toBe(0);
    expect(measureRuleEntry(fiveMinutes, call('connected', -60))).toBe(0);
    expect(measureRuleEntry({ ...fiveMinutes, when: { outcome: ['busy'] } }, call('connected', 90))).toBe(0);
    // Worth no points, it can never score: nothing to keep.
    expect(measureRuleEntry({ ...fiveMinutes, points: 0 }, call('connected', 90))).toBe(0);
    // Any other rule: its points, as before.
    const perMinute = rule({ perUnit: { prop: 'durationSec', unit: 60, points: 0.5, maxUnits: 10 } });
    expect(measureRuleEntry(perMinute, call('connected', 90))).toBe(8 + 0.75);
  });
});
