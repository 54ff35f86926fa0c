import { describe, expect, it } from 'vitest';
import type { LifecycleStage } from '../lifecycle/stages.js';
import {
  computeEfficiency,
  type EfficiencyQuery,
  efficiencyQuerySchema,
  finaliseEfficiency,
  getCostInPeriod,
  listCostRows,
  rollupCosts,
  type TargetEfficiency,
} from './efficiency.js';
import { type AnalyticsLead, type AnalyticsTransition, type CostEntry, costEntrySchema } from './inputs.js';
import { attachSegments } from './segment.js';
import { rollupValue } from './value.js';
import { rollupVolume } from './volume.js';

const lead = (id: string, source: string, campaignId: string | null, day: string): AnalyticsLead => ({
  id,
  createdAt: `${day}T10:00:00+08:00`,
  source,
  campaignId,
  campusId: null,
  courseId: null,
});
const move = (leadId: string, toStage: LifecycleStage, day: string): AnalyticsTransition => ({
  leadId,
  fromStage: null,
  toStage,
  ordinal: 1,
  at: `${day}T11:00:00+08:00`,
});
const cost = (targetKind: CostEntry['targetKind'], target: string, fromDay: string, toDay: string, amountFen: number) =>
  costEntrySchema.parse({ targetKind, target, fromDay, toDay, amountFen });

const leads = [
  lead('L1', 'wechat', 'c1', '2026-03-05'),
  lead('L2', 'wechat', 'c1', '2026-03-06'),
  lead('L3', 'fair', null, '2026-03-10'),
];
const transitions = [
  move('L1', 'mql', '2026-03-08'),
  move('L1', 'customer', '2026-03-20'),
  move('L2', 'mql', '2026-03-07'),
  move('L3', 'name', '2026-03-10'),
];
const enrolments = [{ id: 'E1', leadId: 'L1', amountFen: 300_000, at: '2026-03-20T11:00:00+08:00' }];
const costs = [
  // 100,003 fen over 10 days: 10,000 a day, and the first 3 days (1–3 March) one fen more.
  cost('campaign', 'c1', '2026-03-01', '2026-03-10', 100_003),
  // c2 has a cost but brought no lead.
  cost('campaign', 'c2', '2026-03-01', '2026-03-31', 31_000),
  cost('channel', 'wechat', '2026-03-01', '2026-03-31', 50_000),
];
const period = { fromDay: '2026-03-03', toDay: '2026-03-31' };

function efficiencyBothWays(query: EfficiencyQuery): TargetEfficiency[] {
  const direct = computeEfficiency({ leads, transitions, enrolments, costs }, query);
  const rollups = {
    costs: rollupCosts(costs),
    value: rollupValue({ leads, enrolments: attachSegments(leads, enrolments) }),
    volume: rollupVolume(attachSegments(leads, transitions)),
  };
  expect(finaliseEfficiency(rollups, query)).toEqual(direct);
  return direct;
}

describe('efficiency', () => {
  it('cost per lead, MQL and customer and ROI per campaign', () => {
    expect(efficiencyBothWays({ period, by: 'campaign' })).toEqual([
      {
        // 3–10 March of c1's cost: 8 days × 10,000 + 1 extra fen (3 March) = 80,001.
        // Leads L1, L2; MQL-01 of both; CUS-01 of L1; its enrolment 300,000.
        target: 'c1',
        costFen: 80_001,
        newLeads: 2,
        mqls: 2,
        customers: 1,
        revenueFen: 300_000,
        costPerLeadFen: 40_000.5,
        costPerMqlFen: 40_000.5,
        costPerCustomerFen: 80_001,
        // (300,000 − 80,001) / 80,001
        roi: 219_999 / 80_001,
      },
      {
        // 29 of 31 days at 1,000 a day; no leads: the costs per lead are undefined, ROI is −1.
        target: 'c2',
        costFen: 29_000,
        newLeads: 0,
        mqls: 0,
        customers: 0,
        revenueFen: 0,
        costPerLeadFen: null,
        costPerMqlFen: null,
        costPerCustomerFen: null,
        roi: -1,
      },
      {
        // Leads without a campaign: nothing spent, so cost per lead 0 and no ROI.
        target: null,
        costFen: 0,
        newLeads: 1,
        mqls: 0,
        customers: 0,
        revenueFen: 0,
        costPerLeadFen: 0,
        costPerMqlFen: null,
        costPerCustomerFen: null,
        roi: null,
      },
    ]);
  });

  it('per channel, matched against the lead source', () => {
    const [fair, wechat] = efficiencyBothWays({ period, by: 'channel' });
    expect(fair).toMatchObject({ target: 'fair', costFen: 0, newLeads: 1, roi: null });
    // 50,000 / 31 = 1,612 rest 28: days 1–28 March get 1,613. 3–31 March = 50,000 − 2 × 1,613 = 46,774.
    expect(wechat).toMatchObject({ target: 'wechat', costFen: 46_774, newLeads: 2, mqls: 2, customers: 1 });
    expect(wechat?.roi).toBe((300_000 - 46_774) / 46_774);
  });

  it('a period with costs and no leads', () => {
    const early = efficiencyBothWays({ period: { fromDay: '2026-03-01', toDay: '2026-03-02' }, by: 'campaign' });
    // c1: 10,001 × 2; c2: 1,000 × 2.
    expect(early.map((row) => [row.target, row.costFen, row.costPerLeadFen, row.roi])).toEqual([
      ['c1', 20_002, null, -1],
      ['c2', 2_000, null, -1],
    ]);
    expect(efficiencyBothWays({ period: { fromDay: '2025-01-01', toDay: '2025-01-31' }, by: 'campaign' })).toEqual([]);
  });

  it('spreads a cost over its days in whole fen, and a period takes exactly the fen of its days', () => {
    const entry = cost('campaign', 'c1', '2026-03-01', '2026-03-03', 100);
    expect(listCostRows(entry).map((row) => [row.key.day, row.value.costFen])).toEqual([
      ['2026-03-01', 34],
      ['2026-03-02', 33],
      ['2026-03-03', 33],
    ]);
    expect(getCostInPeriod(entry, { fromDay: '2026-03-02', toDay: '2026-04-30' })).toBe(66);
    expect(getCostInPeriod(entry, { fromDay: '2026-02-01', toDay: '2026-03-01' })).toBe(34);
    expect(getCostInPeriod(entry, { fromDay: '2026-03-04', toDay: '2026-03-31' })).toBe(0);
  });

  it('validates what a manager enters', () => {
    const bad = [
      { targetKind: 'campaign', target: 'c1', fromDay: '2026-03-02', toDay: '2026-03-01', amountFen: 1 },
      { targetKind: 'campaign', target: 'c1', fromDay: '2026-03-01', toDay: '2026-03-01', amountFen: 1.5 },
      { targetKind: 'campaign', target: 'c1', fromDay: '2026-03-01', toDay: '2026-03-01', amountFen: -1 },
      { targetKind: 'region', target: 'c1', fromDay: '2026-03-01', toDay: '2026-03-01', amountFen: 1 },
      { targetKind: 'channel', target: ' ', fromDay: '2026-03-01', toDay: '2026-03-01', amountFen: 1 },
    ];
    for (const entry of bad) expect(costEntrySchema.safeParse(entry).success).toBe(false);
    expect(efficiencyQuerySchema.safeParse({ period, by: 'campus' }).success).toBe(false);
  });
});
