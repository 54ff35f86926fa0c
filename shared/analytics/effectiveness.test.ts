import { describe, expect, it } from 'vitest';
import type { LifecycleStage } from '../lifecycle/stages.js';
import {
  computeEffectiveness,
  type EffectivenessQuery,
  effectivenessQuerySchema,
  FUNNEL_STAGES,
  finaliseEffectiveness,
  type GroupConversion,
  listCohortEntries,
  rollupEffectiveness,
  type StageConversion,
} from './effectiveness.js';
import type { AnalyticsLead, AnalyticsTransition } from './inputs.js';

const lead = (id: string, source: string): AnalyticsLead => ({
  id,
  createdAt: '2026-03-01T00:00:00+08:00',
  source,
  campaignId: null,
  campusId: null,
  courseId: null,
});
const move = (leadId: string, toStage: LifecycleStage, ordinal: number, day: string): AnalyticsTransition => ({
  leadId,
  fromStage: null,
  toStage,
  ordinal,
  at: day.includes('T') ? day : `${day}T10:00:00+08:00`,
});

const leads = [lead('A', 'wechat'), lead('B', 'wechat'), lead('C', 'fair'), lead('D', 'fair')];
const transitions = [
  move('A', 'awareness', 1, '2026-03-01'),
  move('A', 'name', 1, '2026-03-04'),
  move('A', 'engaged', 1, '2026-03-10'),
  move('A', 'mql', 1, '2026-05-20'), // 71 days after engaged
  move('B', 'awareness', 1, '2026-03-05'),
  move('B', 'mql', 1, '2026-03-06'), // skips friend … target: converts from awareness
  move('C', 'awareness', 1, '2026-03-31T23:30:00Z'), // 1 April in Shanghai: an April cohort
  move('D', 'name', 1, '2026-03-15'),
  move('D', 'dormant', 1, '2026-04-01'), // off the funnel: not a conversion
  move('D', 'engaged', 1, '2026-04-20'), // 36 days after name
];
const spring = { fromDay: '2026-03-01', toDay: '2026-04-30' };

function effectivenessBothWays(query: EffectivenessQuery): GroupConversion[] {
  const direct = computeEffectiveness({ leads, transitions }, query);
  expect(finaliseEffectiveness(rollupEffectiveness(listCohortEntries(leads, transitions)), query)).toEqual(direct);
  return direct;
}

/** Stages with a cohort, as `stage: converted/entered`. */
const cohorts = (stages: StageConversion[] | undefined) =>
  Object.fromEntries((stages ?? []).filter((s) => s.entered > 0).map((s) => [s.stage, `${s.converted}/${s.entered}`]));

describe('effectiveness', () => {
  it('converts when the lead reaches any later funnel stage within the horizon, by cohort month', () => {
    const [all] = effectivenessBothWays({ period: spring, horizonDays: 30, asOfDay: '2026-06-30' });
    // March: awareness A (name after 3 days) and B (mql after 1 day, skipping) both convert;
    // name: A (engaged after 6 days) converts, D (engaged after 36 days) does not;
    // engaged: A reaches mql after 71 days, too late; mql: B never goes further.
    expect(cohorts(all?.months[0]?.stages)).toEqual({ awareness: '2/2', name: '1/2', engaged: '0/1', mql: '0/1' });
    // April: C arrives at 07:30 on 1 April Shanghai time and goes no further; D's ENG-01 on 20 April.
    expect(cohorts(all?.months[1]?.stages)).toEqual({ awareness: '0/1', engaged: '0/1' });
    expect(cohorts(all?.total.stages)).toEqual({ awareness: '2/3', name: '1/2', engaged: '0/2', mql: '0/1' });
    const awareness = all?.total.stages.find((s) => s.stage === 'awareness');
    expect(awareness).toEqual({ stage: 'awareness', nextStage: 'friend', entered: 3, converted: 2, rate: 2 / 3 });
    // An empty cohort has no rate rather than a division by zero.
    expect(all?.total.stages.find((s) => s.stage === 'sql')?.rate).toBeNull();
  });

  it('a longer horizon counts the slower conversions', () => {
    const [all] = effectivenessBothWays({ period: spring, horizonDays: 90, asOfDay: '2026-06-30' });
    // D's 36 days and A's 71 days now count.
    expect(cohorts(all?.months[0]?.stages)).toEqual({ awareness: '2/2', name: '2/2', engaged: '1/1', mql: '0/1' });
  });

  it('the horizon is in whole Shanghai calendar days, its last day included', () => {
    // A: name on 4 March, engaged on 10 March: 6 days.
    const conversionOfName = (horizonDays: number) =>
      effectivenessBothWays({
        period: spring,
        horizonDays,
        asOfDay: '2026-06-30',
        filter: { source: 'wechat' },
      })[0]?.total.stages.find((s) => s.stage === 'name')?.converted;
    expect(conversionOfName(6)).toBe(1);
    expect(conversionOfName(5)).toBe(0);
  });

  it('says which cohorts are final: their last day plus the horizon has passed', () => {
    const [all] = effectivenessBothWays({ period: spring, horizonDays: 30, asOfDay: '2026-05-15' });
    // March: 31 March + 30 = 30 April ≤ 15 May; April: 30 April + 30 = 30 May > 15 May.
    expect(all?.months.map((m) => [m.month, m.isMature])).toEqual([
      ['2026-03', true],
      ['2026-04', false],
    ]);
    expect(all?.total.isMature).toBe(false);
  });

  it('by source, and leads that never reach a stage are not in its cohort', () => {
    const groups = effectivenessBothWays({ period: spring, horizonDays: 30, asOfDay: '2026-06-30', groupBy: 'source' });
    expect(groups.map((g) => [g.group, cohorts(g.total.stages)])).toEqual([
      ['fair', { awareness: '0/1', name: '0/1', engaged: '0/1' }],
      ['wechat', { awareness: '2/2', name: '1/1', engaged: '0/1', mql: '0/1' }],
    ]);
  });

  it('repeat arrivals are not new cohort members; dormant and advocate have no row', () => {
    const revisit = [
      move('A', 'mql', 1, '2026-03-01'),
      move('A', 'engaged', 1, '2026-03-02'),
      move('A', 'mql', 2, '2026-03-03'), // MQL-02: converts the engaged cohort, is not a second MQL entry
    ];
    const [all] = computeEffectiveness(
      { leads, transitions: revisit },
      { period: spring, horizonDays: 30, asOfDay: '2026-06-30' },
    );
    expect(cohorts(all?.total.stages)).toEqual({ engaged: '1/1', mql: '0/1' });
    expect(all?.total.stages.map((s) => s.stage)).toEqual(FUNNEL_STAGES.slice(0, -1));
    expect(FUNNEL_STAGES).not.toContain('dormant');
  });

  it('an empty period: the one group with empty cohorts', () => {
    const [all, ...rest] = effectivenessBothWays({
      period: { fromDay: '2025-01-01', toDay: '2025-01-31' },
      horizonDays: 30,
      asOfDay: '2026-06-30',
    });
    expect(rest).toEqual([]);
    expect(all?.months.map((m) => m.month)).toEqual(['2025-01']);
    expect(cohorts(all?.total.stages)).toEqual({});
  });

  it('validates the horizon a manager asks for', () => {
    const period = { fromDay: '2026-03-01', toDay: '2026-03-31' };
    expect(effectivenessQuerySchema.safeParse({ period, horizonDays: 30, groupBy: 'source' }).success).toBe(true);
    for (const horizonDays of [-1, 1.5, 366]) {
      expect(effectivenessQuerySchema.safeParse({ period, horizonDays }).success).toBe(false);
    }
  });
});
