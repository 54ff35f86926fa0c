/**
 * The demo's funnel history (issue 15 "every chart shows something meaningful"): after the seed,
 * the dev manager's 数据 page has leads in every funnel stage, velocity over several months,
 * revenue by source, spend and ROI per campaign, and attributed revenue by channel.
 */
import {
  type AnalyticsAttributionResponse,
  type AnalyticsEfficiencyResponse,
  type AnalyticsValueResponse,
  type AnalyticsVelocityResponse,
  type AnalyticsVolumeResponse,
  addDays,
  type LoginResponse,
  toShanghaiDay,
} from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/index.js';
import { seedDemoInstitution } from './seed-demo-institution.js';

describe('the demo funnel history (issue 15)', () => {
  it('gives every analytics chart figures for the last six months', async () => {
    const t = await createTestApp();
    const report = await seedDemoInstitution(t.db, { now: t.clock.now(), nodeEnv: 'test' });
    expect(report.analyticsLeads).toBe(800);
    const login = await t.request<LoginResponse>('/api/auth/login', { json: { code: 'dev-manager' } });
    const today = toShanghaiDay(t.clock.now().toISOString());
    const q = `fromDay=${addDays(today, -180)}&toDay=${today}`;
    const get = async <T>(path: string) =>
      (await t.request<T>(`/api/staff/analytics/${path}`, { token: login.body.staff?.token ?? '' })).body;

    const volume = await get<AnalyticsVolumeResponse>(`volume?${q}`);
    const arrived = volume.groups[0]?.stages.filter((s) => s.firstArrivals > 0).map((s) => s.stage);
    expect(arrived).toEqual(
      expect.arrayContaining(['awareness', 'name', 'engaged', 'target', 'mql', 'sql', 'customer']),
    );
    const velocity = await get<AnalyticsVelocityResponse>(`velocity?${q}`);
    const months = new Set(velocity.series.flatMap((s) => s.points.filter((p) => p.count > 0).map((p) => p.month)));
    expect(months.size).toBeGreaterThanOrEqual(5);
    expect(velocity.series.some((s) => s.visit === 'repeat')).toBe(true);
    const value = await get<AnalyticsValueResponse>(`value?${q}&groupBy=source`);
    expect(value.groups.filter((g) => g.revenueFen > 0).length).toBeGreaterThanOrEqual(2);
    const efficiency = await get<AnalyticsEfficiencyResponse>(`efficiency?${q}&by=campaign`);
    expect(efficiency.targets.filter((c) => c.costFen > 0 && c.roi !== null).length).toBe(4);
    const attribution = await get<AnalyticsAttributionResponse>(`attribution?${q}&model=linear`);
    expect(attribution.groups.length).toBeGreaterThanOrEqual(3);
    expect(attribution.revenueFen).toBeGreaterThan(0);
    // The whole demo seed and a rebuild of every rollup on embedded PGlite: about 30 s when the
    // shared machine is busy, past vitest's default.
  }, 120_000);
});
