/**
 * GET|POST /api/cron/analytics (ADR 016): the fold behind the cron secret. It takes only facts
 * recorded more than two minutes ago, so an ingest transaction still open is never skipped, and a
 * second run with nothing new changes nothing.
 */
import type { AnalyticsVolumeResponse, RunAnalyticsFoldResponse } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { insertLeadHistory } from '../../../tests/helpers/analytics.js';
import { createTestApp, createTestStaff, expectError, type TestApp } from '../../../tests/helpers/index.js';

const fold = (t: TestApp, secret = t.env.CRON_SECRET) =>
  t.request<RunAnalyticsFoldResponse>('/api/cron/analytics', {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}` },
  });

describe('GET|POST /api/cron/analytics', () => {
  it('folds facts once they have settled, and a lead that moves on later', async () => {
    const t = await createTestApp();
    const manager = await createTestStaff(t, { role: 'manager', isAllCampuses: true });
    const now = t.clock.now().getTime();
    const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
    await insertLeadHistory(t, { createdAt: minutesAgo(10), moves: [{ stage: 'awareness', at: minutesAgo(10) }] });
    await insertLeadHistory(t, {
      createdAt: minutesAgo(1),
      moves: [{ stage: 'awareness', at: minutesAgo(1) }],
    });
    const first = await fold(t);
    expect(first.body).toMatchObject({ skipped: false, rebuilt: true });
    const atEnd = async () => {
      const day = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
      const res = await t.request<AnalyticsVolumeResponse>(`/api/staff/analytics/volume?fromDay=${day}&toDay=${day}`, {
        token: manager.token,
      });
      return res.body.groups[0]?.stages.filter((s) => s.atEnd > 0).map((s) => [s.stage, s.atEnd]);
    };
    // The fact recorded a minute ago waits for the next run.
    expect(await atEnd()).toEqual([['awareness', 1]]);
    t.clock.advance(5 * 60_000);
    const second = await fold(t);
    expect(second.body).toMatchObject({ rebuilt: false, changedLeads: 1 });
    expect(await atEnd()).toEqual([['awareness', 2]]);
    expect((await fold(t)).body).toMatchObject({ rebuilt: false, changedLeads: 0 });
  });

  it('refuses a caller without the cron secret', async () => {
    const t = await createTestApp();
    expectError(await fold(t, 'not-the-secret-at-all'), 401, 'unauthenticated');
    expectError(await t.request('/api/cron/analytics'), 401, 'unauthenticated');
  });
});
