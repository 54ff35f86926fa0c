import { describe, expect, it } from 'vitest';
import type { LifecycleStage } from '../lifecycle/stages.js';
import type { AnalyticsLead, AnalyticsTransition } from './inputs.js';
import {
  computeVelocity,
  finaliseVelocity,
  listStageSteps,
  rollupVelocity,
  type VelocityQuery,
  type VelocitySeries,
} from './velocity.js';

const lead = (id: string, source: string): AnalyticsLead => ({
  id,
  createdAt: '2026-03-01T10:00:00+08:00',
  source,
  campaignId: null,
  campusId: null,
  courseId: null,
});
const move = (leadId: string, toStage: LifecycleStage, ordinal: number, at: string): AnalyticsTransition => ({
  leadId,
  fromStage: null,
  toStage,
  ordinal,
  at,
});

const leads = ['A', 'B', 'C', 'D', 'E'].map((id) => lead(id, id === 'E' ? 'fair' : 'wechat'));
const transitions = [
  // Every lead qualifies (MQL-01) on 1 March at 10:00 Shanghai time and is accepted (SQL) later.
  ...leads.map((l) => move(l.id, 'mql', 1, '2026-03-01T10:00:00+08:00')),
  move('A', 'sql', 1, '2026-03-02T09:00:00+08:00'), // 1 day (calendar days, though under 24 hours)
  move('B', 'sql', 1, '2026-03-03T10:00:00+08:00'), // 2 days
  move('C', 'sql', 1, '2026-03-07T23:00:00+08:00'), // 6 days
  move('E', 'sql', 1, '2026-03-05T10:00:00+08:00'), // 4 days
  move('D', 'sql', 1, '2026-03-31T23:30:00Z'), // 1 April 07:30 in Shanghai: 31 days, an April step
  // A is returned to nurture, re-qualifies (MQL-02) and is accepted again.
  move('A', 'engaged', 1, '2026-03-12T10:00:00+08:00'), // sql → engaged after 10 days
  move('A', 'mql', 2, '2026-04-01T10:00:00+08:00'), // engaged → MQL-02 after 20 days (a first stay in engaged)
  move('A', 'sql', 2, '2026-04-05T10:00:00+08:00'), // MQL-02 → SQL after 4 days: a repeated visit
];
const spring = { fromDay: '2026-03-01', toDay: '2026-04-30' };

function velocityBothWays(query: VelocityQuery): VelocitySeries[] {
  const direct = computeVelocity({ leads, transitions }, query);
  expect(finaliseVelocity(rollupVelocity(listStageSteps(leads, transitions)), query)).toEqual(direct);
  return direct;
}

const describeSeries = (series: VelocitySeries[]) =>
  series.map((s) => ({
    line: `${s.fromStage}>${s.toStage}:${s.visit}`,
    points: s.points.map((p) => `${p.month} n=${p.count} avg=${p.averageDays} med=${p.medianDays}`),
  }));

describe('velocity', () => {
  it('gives average and median days per stage pair and month, first and repeated visits apart', () => {
    expect(describeSeries(velocityBothWays({ period: spring }))).toEqual([
      // ENG-01 → MQL-02: 20 days, in April; the visit is that of the stage left.
      { line: 'engaged>mql:first', points: ['2026-03 n=0 avg=null med=null', '2026-04 n=1 avg=20 med=20'] },
      // March: 1, 2, 4, 6 → average 13/4 = 3.25, median (2 + 4)/2 = 3. April: D's 31 days.
      { line: 'mql>sql:first', points: ['2026-03 n=4 avg=3.25 med=3', '2026-04 n=1 avg=31 med=31'] },
      // MQL-02 → SQL-02 kept apart: 4 days.
      { line: 'mql>sql:repeat', points: ['2026-03 n=0 avg=null med=null', '2026-04 n=1 avg=4 med=4'] },
      { line: 'sql>engaged:first', points: ['2026-03 n=1 avg=10 med=10', '2026-04 n=0 avg=null med=null'] },
    ]);
  });

  it('counts a step in the month it completes, in Shanghai time', () => {
    const march = velocityBothWays({ period: { fromDay: '2026-03-01', toDay: '2026-03-31' } });
    const mqlToSql = march.find((s) => s.fromStage === 'mql' && s.toStage === 'sql' && s.visit === 'first');
    // D's step at 23:30 UTC on 31 March is not in March.
    expect(mqlToSql?.points).toEqual([{ month: '2026-03', count: 4, averageDays: 3.25, medianDays: 3 }]);
  });

  it('filters by segment', () => {
    // Only E (fair): MQL → SQL in 4 days.
    expect(describeSeries(velocityBothWays({ period: spring, filter: { source: 'fair' } }))).toEqual([
      { line: 'mql>sql:first', points: ['2026-03 n=1 avg=4 med=4', '2026-04 n=0 avg=null med=null'] },
    ]);
  });

  it('an empty period has no lines; a lead with one transition has no step', () => {
    expect(velocityBothWays({ period: { fromDay: '2025-01-01', toDay: '2025-12-31' } })).toEqual([]);
    expect(listStageSteps([lead('Z', 'x')], [move('Z', 'name', 1, '2026-03-01T00:00:00Z')])).toEqual([]);
  });
});
