import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION_MODELS,
  type AttributionQuery,
  type AttributionResult,
  computeAttribution,
  creditEnrolment,
  finaliseAttribution,
  getTouchWeights,
  listEnrolmentCredits,
  rollupAttribution,
} from './attribution.js';
import type { AnalyticsLead, AnalyticsTouchpoint } from './inputs.js';

const lead = (id: string): AnalyticsLead => ({
  id,
  createdAt: '2026-01-01T00:00:00+08:00',
  source: 'wechat',
  campaignId: null,
  campusId: id === 'L2' ? 'campus-2' : 'campus-1',
  courseId: null,
});
const touch = (id: string, leadId: string, occurredAt: string, channel: string | null, campaignId: string | null) =>
  ({ id, leadId, occurredAt, channel, campaignId }) satisfies AnalyticsTouchpoint;

const leads = [lead('L1'), lead('L2'), lead('L3')];
const touchpoints = [
  touch('t0', 'L1', '2026-03-01T10:00:00+08:00', 'wechat', 'c9'), // 40 days before: outside the window
  touch('t1', 'L1', '2026-03-11T10:00:00+08:00', 'wechat', 'c1'), // exactly 30 days before: inside
  touch('t2', 'L1', '2026-03-20T10:00:00+08:00', 'moments', 'c2'),
  touch('t3', 'L1', '2026-04-01T10:00:00+08:00', 'douyin', null),
  touch('t4', 'L1', '2026-04-10T10:00:00+08:00', 'wechat', 'c1'), // at the enrolment itself: outside
  touch('t5', 'L2', '2026-02-20T10:00:00+08:00', 'wechat', 'c1'), // 40 days before E2
  touch('t6', 'L3', '2026-04-03T10:00:00+08:00', 'wechat', 'c1'),
  touch('t7', 'L3', '2026-04-04T10:00:00+08:00', 'moments', 'c2'),
];
const enrolments = [
  { id: 'E1', leadId: 'L1', amountFen: 100_001, at: '2026-04-10T10:00:00+08:00' },
  { id: 'E2', leadId: 'L2', amountFen: 50_000, at: '2026-04-01T10:00:00+08:00' }, // no touch in the window
  { id: 'E3', leadId: 'L3', amountFen: 999, at: '2026-04-05T10:00:00+08:00' },
];
const april = { fromDay: '2026-04-01', toDay: '2026-04-30' };
const lookbackDays = 30;

function attributionBothWays(query: AttributionQuery): AttributionResult {
  const direct = computeAttribution({ leads, touchpoints, enrolments }, { ...query, lookbackDays });
  const rollup = rollupAttribution(listEnrolmentCredits({ leads, touchpoints, enrolments }, lookbackDays));
  expect(finaliseAttribution(rollup, query)).toEqual(direct);
  return direct;
}
const credits = (result: AttributionResult) => result.groups.map((g) => [g.group, g.creditFen]);

describe('attribution', () => {
  it('weights: U-shaped is 40/20/40, 100% for one touch and 50/50 for two', () => {
    expect(getTouchWeights('u_shaped', 1)).toEqual([1]);
    expect(getTouchWeights('u_shaped', 2)).toEqual([1, 1]);
    expect(getTouchWeights('u_shaped', 3)).toEqual([2, 1, 2]); // 40%, 20%, 40%
    expect(getTouchWeights('u_shaped', 4)).toEqual([4, 1, 1, 4]); // 40%, 10%, 10%, 40%
    expect(getTouchWeights('u_shaped', 5)).toEqual([6, 1, 1, 1, 6]); // 40%, 6.67% × 3, 40%
    expect(getTouchWeights('linear', 3)).toEqual([1, 1, 1]);
    expect(getTouchWeights('first_touch', 3)).toEqual([1, 0, 0]);
    expect(getTouchWeights('last_touch', 3)).toEqual([0, 0, 1]);
    expect(getTouchWeights('linear', 0)).toEqual([]);
  });

  it('credits one enrolment: only touches in [enrolment − 30 days, enrolment), rounded by largest remainder', () => {
    const result = creditEnrolment(enrolments[0] as (typeof enrolments)[0], touchpoints, lookbackDays);
    const pairs = (model: (typeof ATTRIBUTION_MODELS)[number]) =>
      result[model].map((c) => `${c.channel}/${c.campaignId}=${c.creditFen}`);
    // Touches t1 (wechat/c1), t2 (moments/c2), t3 (douyin/none).
    expect(pairs('first_touch')).toEqual(['wechat/c1=100001', 'moments/c2=0', 'douyin/null=0']);
    expect(pairs('last_touch')).toEqual(['wechat/c1=0', 'moments/c2=0', 'douyin/null=100001']);
    // 100,001 / 3 = 33,333.67: wholes 99,999, 2 spare fen to the first two (equal remainders).
    expect(pairs('linear')).toEqual(['wechat/c1=33334', 'moments/c2=33334', 'douyin/null=33333']);
    // 40,000.4 / 20,000.2 / 40,000.4: wholes 100,000, the spare fen to the first of the tied .4.
    expect(pairs('u_shaped')).toEqual(['wechat/c1=40001', 'moments/c2=20000', 'douyin/null=40000']);
  });

  it('sums credits by channel and by campaign; an enrolment without touches is unattributed', () => {
    const byChannel = attributionBothWays({ period: april, model: 'u_shaped', by: 'channel' });
    // E1 as above; E3 has two touches: 999 / 2 = 499.5 → 500 (first) and 499. E2: 50,000 unattributed.
    expect(credits(byChannel)).toEqual([
      ['douyin', 40_000],
      ['moments', 20_000 + 499],
      ['wechat', 40_001 + 500],
    ]);
    expect(byChannel.revenueFen).toBe(100_001 + 50_000 + 999);
    expect(byChannel.unattributedFen).toBe(50_000);
    expect(byChannel.groups[0]?.share).toBe(40_000 / 151_000);
    const byCampaign = attributionBothWays({ period: april, model: 'u_shaped', by: 'campaign' });
    expect(credits(byCampaign)).toEqual([
      ['c1', 40_501],
      ['c2', 20_499],
      [null, 40_000],
    ]);
  });

  it('first and last touch, and a filter on the enrolled lead', () => {
    expect(credits(attributionBothWays({ period: april, model: 'first_touch', by: 'channel' }))).toEqual([
      ['wechat', 100_001 + 999],
    ]);
    expect(credits(attributionBothWays({ period: april, model: 'last_touch', by: 'campaign' }))).toEqual([
      ['c2', 999],
      [null, 100_001],
    ]);
    const campus2 = attributionBothWays({
      period: april,
      model: 'linear',
      by: 'channel',
      filter: { campusId: 'campus-2' },
    });
    expect(campus2).toEqual({ revenueFen: 50_000, unattributedFen: 50_000, groups: [] });
  });

  it('an empty period', () => {
    const none = attributionBothWays({
      period: { fromDay: '2026-05-01', toDay: '2026-05-31' },
      model: 'linear',
      by: 'channel',
    });
    expect(none).toEqual({ revenueFen: 0, unattributedFen: 0, groups: [] });
  });

  it('every model credits exactly the amount, each pair within 1 fen of its exact share', () => {
    const touchArb = fc.record({
      id: fc.uuid(),
      leadId: fc.constant('L1'),
      occurredAt: fc
        .integer({ min: 0, max: 40 * 24 })
        .map((h) => new Date(Date.UTC(2026, 2, 1) + h * 3_600_000).toISOString()),
      channel: fc.constantFrom('wechat', 'moments', null),
      campaignId: fc.constantFrom('c1', 'c2', null),
    });
    fc.assert(
      fc.property(
        fc.array(touchArb, { maxLength: 30 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (touches, amountFen) => {
          const enrolment = { id: 'E', leadId: 'L1', amountFen, at: '2026-04-05T00:00:00Z' };
          const result = creditEnrolment(enrolment, touches, 30);
          for (const model of ATTRIBUTION_MODELS) {
            const list = result[model];
            if (list.length === 0) continue;
            expect(list.reduce((sum, c) => sum + c.creditFen, 0)).toBe(amountFen);
          }
          // Linear: a pair's exact share is its touches / all touches.
          const ms = (iso: string) => Date.parse(iso);
          const inWindow = touches.filter(
            (t) => ms(t.occurredAt) < ms(enrolment.at) && ms(t.occurredAt) >= ms('2026-03-06T00:00:00Z'),
          );
          for (const c of result.linear) {
            const mine = inWindow.filter((t) => t.channel === c.channel && t.campaignId === c.campaignId).length;
            expect(Math.abs(c.creditFen - (amountFen * mine) / inWindow.length)).toBeLessThan(1);
          }
        },
      ),
    );
  });
});
