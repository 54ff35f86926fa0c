import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../lifecycle/stages.js';
import type { AnalyticsLead, AnalyticsQuery, AnalyticsTransition } from './inputs.js';
import { attachSegments } from './segment.js';
import { computeVolume, finaliseVolume, rollupVolume, type StageVolume } from './volume.js';

const lead = (id: string, source: string): AnalyticsLead => ({
  id,
  createdAt: '2026-03-01T00:00:00+08:00',
  source,
  campaignId: null,
  campusId: 'campus-1',
  courseId: null,
});
const move = (
  leadId: string,
  fromStage: LifecycleStage | null,
  toStage: LifecycleStage,
  ordinal: number,
  at: string,
): AnalyticsTransition => ({ leadId, fromStage, toStage, ordinal, at });

const leads = [lead('L1', 'wechat'), lead('L2', 'fair'), lead('L3', 'wechat')];
const transitions = [
  // L1 climbs to SQL, is returned to nurture (engaged again), and re-qualifies in April: MQL-02.
  move('L1', null, 'awareness', 1, '2026-03-02T10:00:00+08:00'),
  move('L1', 'awareness', 'name', 1, '2026-03-03T10:00:00+08:00'),
  move('L1', 'name', 'engaged', 1, '2026-03-05T10:00:00+08:00'),
  move('L1', 'engaged', 'mql', 1, '2026-03-10T10:00:00+08:00'),
  move('L1', 'mql', 'sql', 1, '2026-03-12T10:00:00+08:00'),
  move('L1', 'sql', 'engaged', 2, '2026-03-20T10:00:00+08:00'),
  move('L1', 'engaged', 'mql', 2, '2026-04-02T10:00:00+08:00'),
  // L2 skips engaged and target.
  move('L2', null, 'name', 1, '2026-03-01T09:00:00+08:00'),
  move('L2', 'name', 'mql', 1, '2026-03-15T09:00:00+08:00'),
  // L3 arrives at 23:30 UTC on 31 March: 07:30 on 1 April in Shanghai.
  move('L3', null, 'awareness', 1, '2026-03-31T23:30:00Z'),
];
const rollup = rollupVolume(attachSegments(leads, transitions));
const march = { fromDay: '2026-03-01', toDay: '2026-03-31' };
const april = { fromDay: '2026-04-01', toDay: '2026-04-30' };

/** Both ways of computing must agree; the direct answer is returned for the hand-computed checks. */
function volumeBothWays(query: AnalyticsQuery) {
  const direct = computeVolume({ leads, transitions }, query);
  expect(finaliseVolume(rollup, query)).toEqual(direct);
  return direct;
}

/** Only the stages with a non-zero figure, as `stage: atEnd/arrivals/firstArrivals`. */
const nonZero = (stages: StageVolume[]) =>
  Object.fromEntries(
    stages
      .filter((s) => s.atEnd || s.arrivals || s.firstArrivals)
      .map((s) => [s.stage, `${s.atEnd}/${s.arrivals}/${s.firstArrivals}`]),
  );

describe('volume', () => {
  it('counts leads at the end of March and arrivals during it, first arrivals apart', () => {
    const { groups } = volumeBothWays({ period: march });
    expect(groups).toHaveLength(1);
    expect(groups[0]?.stages.map((s) => s.stage)).toEqual([...LIFECYCLE_STAGES]);
    // At the end: L1's last March move led to engaged, L2's to mql; L3 only arrives on 1 April.
    // Arrivals: awareness L1; name L1, L2; engaged L1 twice (the second is ENG-02, not a first
    // arrival); mql L1, L2 (L2 skipped engaged and target); sql L1.
    expect(nonZero(groups[0]?.stages ?? [])).toEqual({
      awareness: '0/1/1',
      name: '0/2/2',
      engaged: '1/2/1',
      mql: '1/2/2',
      sql: '0/1/1',
    });
  });

  it('in April: MQL-02 is an arrival but not a first one, and the late-night arrival belongs to April', () => {
    const { groups } = volumeBothWays({ period: april });
    // At the end: L1 mql (MQL-02 on 2 April), L2 still mql, L3 awareness (7:30 on 1 April in Shanghai).
    expect(nonZero(groups[0]?.stages ?? [])).toEqual({ awareness: '1/1/1', mql: '2/1/0' });
  });

  it('groups by source, sorted, leaving out groups with nothing to show', () => {
    const { groups } = volumeBothWays({ period: march, groupBy: 'source' });
    expect(groups.map((g) => g.group)).toEqual(['fair', 'wechat']);
    expect(nonZero(groups[0]?.stages ?? [])).toEqual({ name: '0/1/1', mql: '1/1/1' });
    expect(nonZero(groups[1]?.stages ?? [])).toEqual({
      awareness: '0/1/1',
      name: '0/1/1',
      engaged: '1/2/1',
      mql: '0/1/1',
      sql: '0/1/1',
    });
  });

  it('filters by segment', () => {
    const { groups } = volumeBothWays({ period: march, filter: { source: 'fair', campusId: 'campus-1' } });
    expect(nonZero(groups[0]?.stages ?? [])).toEqual({ name: '0/1/1', mql: '1/1/1' });
    const none = volumeBothWays({ period: march, filter: { campusId: null } });
    expect(nonZero(none.groups[0]?.stages ?? [])).toEqual({});
  });

  it('an empty period: the one group with zeros, or no groups when grouped', () => {
    const before = { fromDay: '2025-01-01', toDay: '2025-01-31' };
    const { groups } = volumeBothWays({ period: before });
    expect(groups).toHaveLength(1);
    expect(groups[0]?.stages.every((s) => s.atEnd === 0 && s.arrivals === 0 && s.firstArrivals === 0)).toBe(true);
    expect(volumeBothWays({ period: before, groupBy: 'campusId' }).groups).toEqual([]);
  });

  it('a period after every move still counts leads at the end, with no arrivals', () => {
    const { groups } = volumeBothWays({ period: { fromDay: '2026-06-01', toDay: '2026-06-30' } });
    expect(nonZero(groups[0]?.stages ?? [])).toEqual({ awareness: '1/0/0', mql: '2/0/0' });
  });

  it('refuses a transition of a lead it was not given', () => {
    expect(() =>
      computeVolume({ leads, transitions: [move('L9', null, 'name', 1, '2026-03-01T00:00:00Z')] }, { period: march }),
    ).toThrow(/unknown lead: L9/);
  });
});
