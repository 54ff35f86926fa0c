import { describe, expect, it } from 'vitest';
import { TOUCHPOINT_TYPES } from '../events/touchpoint.js';
import { classifyLeadIntent, DEFAULT_LEAD_INTENT_RULES, type LeadSource } from './lead-intent.js';

describe('classifyLeadIntent', () => {
  it.each<[LeadSource, 'high' | 'low', string, string]>([
    [{ kind: 'touchpoint', type: 'consultation_request' }, 'high', 'consultation_request', '咨询请求'],
    [
      { kind: 'touchpoint', type: 'consultation_request', channel: 'event_qr' },
      'high',
      'consultation_request',
      '咨询请求',
    ],
    [{ kind: 'touchpoint', type: 'trial_booked' }, 'high', 'trial_booked', '预约试听'],
    [{ kind: 'touchpoint', type: 'page_view', channel: ' SEM ' }, 'high', 'paid_search', '付费搜索落地页'],
    [{ kind: 'touchpoint', type: 'page_view', channel: 'cpc' }, 'high', 'paid_search', '付费搜索落地页'],
    [{ kind: 'touchpoint', type: 'content_download', channel: 'paid_search' }, 'high', 'paid_search', '付费搜索落地页'],
    [{ kind: 'touchpoint', type: 'content_download' }, 'low', 'content_download', '资料下载'],
    [{ kind: 'touchpoint', type: 'registration', channel: 'event_qr' }, 'low', 'event_qr', '活动二维码报名'],
    [{ kind: 'touchpoint', type: 'registration', channel: 'fair_qr' }, 'low', 'event_qr', '活动二维码报名'],
    [{ kind: 'import', listName: '2026 春季教育展' }, 'low', 'imported_list', '导入名单'],
    [{ kind: 'touchpoint', type: 'page_view' }, 'low', 'default', '其他来源'],
    [{ kind: 'touchpoint', type: 'page_view', channel: 'wechat_article' }, 'low', 'default', '其他来源'],
  ])('%j is %s intent by rule %s (%s)', (source, intent, ruleId, label) => {
    expect(classifyLeadIntent(source)).toEqual({ intent, ruleId, label });
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

  it('an import matches only a row that asks nothing of touchpoint type or channel', () => {
    const rules = [
      {
        id: 'typed',
        intent: 'high' as const,
        label: '类型',
        sourceKind: 'import' as const,
        touchpointTypes: ['share'] as const,
      },
      { id: 'channelled', intent: 'high' as const, label: '渠道', sourceKind: 'import' as const, channels: ['sem'] },
      { id: 'any-import', intent: 'high' as const, label: '任何导入', sourceKind: 'import' as const },
    ];
    expect(classifyLeadIntent({ kind: 'import', listName: 'fair' }, rules).ruleId).toBe('any-import');
    expect(classifyLeadIntent({ kind: 'import' }, rules.slice(0, 2))).toEqual({
      intent: 'low',
      ruleId: 'default',
      label: '其他来源',
    });
    // And a touchpoint never matches an import row.
    expect(classifyLeadIntent({ kind: 'touchpoint', type: 'share' }, rules).ruleId).toBe('default');
  });
});
