import { describe, expect, it } from 'vitest';
import type { AnalyticsEnrolment, AnalyticsLead, AnalyticsQuery } from './inputs.js';
import { attachSegments } from './segment.js';
import { computeValue, finaliseValue, type GroupValue, rollupValue } from './value.js';

const lead = (id: string, source: string, createdAt: string): AnalyticsLead => ({
  id,
  createdAt,
  source,
  campaignId: null,
  campusId: null,
  courseId: null,
});
const enrol = (id: string, leadId: string, amountFen: number, at: string): AnalyticsEnrolment => ({
  id,
  leadId,
  amountFen,
  at,
});

const leads = [
  lead('L1', 'wechat', '2026-03-02T10:00:00+08:00'),
  lead('L2', 'wechat', '2026-03-31T23:59:00+08:00'), // the last minute of March in Shanghai
  lead('L3', 'fair', '2026-03-31T23:30:00Z'), // 1 April in Shanghai
  lead('L4', 'fair', '2026-02-20T10:00:00+08:00'),
];
const enrolments = [
  enrol('E1', 'L1', 1_280_000, '2026-03-20T15:00:00+08:00'), // ¥12,800
  enrol('E2', 'L4', 980_000, '2026-03-05T15:00:00+08:00'), // ¥9,800
  enrol('E3', 'L2', 1_500_000, '2026-04-02T15:00:00+08:00'),
  enrol('E4', 'L4', 20_000, '2026-03-31T16:30:00Z'), // 00:30 on 1 April in Shanghai
];
const march = { fromDay: '2026-03-01', toDay: '2026-03-31' };

function valueBothWays(query: AnalyticsQuery): GroupValue[] {
  const direct = computeValue({ leads, enrolments }, query);
  expect(finaliseValue(rollupValue({ leads, enrolments: attachSegments(leads, enrolments) }), query)).toEqual(direct);
  return direct;
}

describe('value', () => {
  it('revenue, count, average order and revenue per lead by source', () => {
    expect(valueBothWays({ period: march, groupBy: 'source' })).toEqual([
      {
        // fair: E2 in March (E4 is 1 April in Shanghai); no lead created in March (L4 in Feb, L3 on 1 April).
        group: 'fair',
        revenueFen: 980_000,
        enrolments: 1,
        averageOrderFen: 980_000,
        newLeads: 0,
        revenuePerLeadFen: null,
        // Up to 31 March: L4 and E2.
        lifetimeRevenueFen: 980_000,
        lifetimeLeads: 1,
        lifetimeValuePerLeadFen: 980_000,
      },
      {
        // wechat: E1 only (E3 is April); L1 and L2 new → 1,280,000 / 2 = 640,000 per lead.
        group: 'wechat',
        revenueFen: 1_280_000,
        enrolments: 1,
        averageOrderFen: 1_280_000,
        newLeads: 2,
        revenuePerLeadFen: 640_000,
        lifetimeRevenueFen: 1_280_000,
        lifetimeLeads: 2,
        lifetimeValuePerLeadFen: 640_000,
      },
    ]);
  });

  it('all sources together', () => {
    // 980,000 + 1,280,000 = 2,260,000 over 2 enrolments (1,130,000 each) and 2 new leads;
    // lifetime: 3 leads up to 31 March → 2,260,000 / 3.
    expect(valueBothWays({ period: march })).toEqual([
      {
        group: null,
        revenueFen: 2_260_000,
        enrolments: 2,
        averageOrderFen: 1_130_000,
        newLeads: 2,
        revenuePerLeadFen: 1_130_000,
        lifetimeRevenueFen: 2_260_000,
        lifetimeLeads: 3,
        lifetimeValuePerLeadFen: 2_260_000 / 3,
      },
    ]);
  });

  it('April: the enrolment at 00:30 Shanghai time on 1 April counts there', () => {
    const [all] = valueBothWays({ period: { fromDay: '2026-04-01', toDay: '2026-04-30' } });
    // E3 1,500,000 + E4 20,000 = 1,520,000 over 2; new: L3 → 1,520,000 per lead.
    expect(all).toMatchObject({ revenueFen: 1_520_000, enrolments: 2, averageOrderFen: 760_000, newLeads: 1 });
    expect(all?.revenuePerLeadFen).toBe(1_520_000);
    // Lifetime up to 30 April: every lead and enrolment: 3,780,000 / 4.
    expect(all?.lifetimeValuePerLeadFen).toBe(945_000);
  });

  it('an empty period: zeros, and no averages rather than a division by zero', () => {
    expect(valueBothWays({ period: { fromDay: '2025-01-01', toDay: '2025-01-31' } })).toEqual([
      {
        group: null,
        revenueFen: 0,
        enrolments: 0,
        averageOrderFen: null,
        newLeads: 0,
        revenuePerLeadFen: null,
        lifetimeRevenueFen: 0,
        lifetimeLeads: 0,
        lifetimeValuePerLeadFen: null,
      },
    ]);
    expect(valueBothWays({ period: { fromDay: '2025-01-01', toDay: '2025-01-31' }, groupBy: 'source' })).toEqual([]);
  });
});
