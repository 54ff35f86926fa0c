import { describe, expect, it } from 'vitest';
import { TOUCHPOINT_TYPES } from '../events/touchpoint.js';
import { classifyLeadIntent, DEFAULT_LEAD_INTENT_RULES, type LeadSource } from './lead-intent.js';

describe('classifyLeadIntent', () => {
  it.each<[LeadSource, 'high' | 'low', string]>([
    [{ kind: 'touchpoint', type: 'consultation_request' }, 'high', 'consultation_request'],
    [{ kind: 'touchpoint', type: 'consultation_request', channel: 'event_qr' }, 'high', 'consultation_request'],
    [{ kind: 'touchpoint', type: 'trial_booked' }, 'high', 'trial_booked'],
    [{ kind: 'touchpoint', type: 'page_view', channel: ' SEM ' }, 'high', 'paid_search'],
    [{ kind: 'touchpoint', type: 'content_download', channel: 'paid_search' }, 'high', 'paid_search'],
    [{ kind: 'touchpoint', type: 'content_download' }, 'low', 'content_download'],
    [{ kind: 'touchpoint', type: 'registration', channel: 'event_qr' }, 'low', 'event_qr'],
    [{ kind: 'import', listName: '2026 春季教育展' }, 'low', 'imported_list'],
    [{ kind: 'touchpoint', type: 'page_view' }, 'low', 'default'],
  ])('%j is %s intent by rule %s', (source, intent, ruleId) => {
    expect(classifyLeadIntent(source)).toMatchObject({ intent, ruleId });
  });

  it('reads the table it is given: a new row changes the decision without code', () => {
    const rules = [
      { id: 'webinar', intent: 'high' as const, label: '直播', sourceKind: 'touchpoint' as const, channels: ['live'] },
      ...DEFAULT_LEAD_INTENT_RULES,
    ];
    const source: LeadSource = { kind: 'touchpoint', type: 'registration', channel: 'live' };
    expect(classifyLeadIntent(source).intent).toBe('low');
    expect(classifyLeadIntent(source, rules)).toMatchObject({ intent: 'high', ruleId: 'webinar' });
  });

  it('every touchpoint type gets an answer, high only for the playbook high-intent types without a channel', () => {
    const high = TOUCHPOINT_TYPES.filter((type) => classifyLeadIntent({ kind: 'touchpoint', type }).intent === 'high');
    expect(high).toEqual(['trial_booked', 'consultation_request']);
  });
});
