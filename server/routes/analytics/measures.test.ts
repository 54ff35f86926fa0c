/**
 * The analytics API on a small data set whose answers are worked out by hand below (issue 15
 * "Done when"): three leads in February 2026, one enrolment with three touches, two cost entries.
 * Times are UTC; 02:00 UTC is 10:00 in Shanghai, so every move falls on the day written.
 */
import { describe, expect, it } from 'vitest';
import { insertLeadHistory } from '../../../tests/helpers/analytics.js';
import {
  createTestApp,
  createTestCampus,
  createTestCourse,
  createTestStaff,
  expectError,
} from '../../../tests/helpers/index.js';
import { foldAnalytics } from '../../services/analytics/fold-analytics.js';

const FEB = 'fromDay=2026-02-01&toDay=2026-02-28';
const at = (day: string) => `${day}T02:00:00.000Z`;

async function setup() {
  const t = await createTestApp();
  const [x, y] = [await createTestCampus(t), await createTestCampus(t)];
  const course = await createTestCourse(t);
  const manager = await createTestStaff(t, { role: 'manager', isAllCampuses: true });
  // A: wechat / c1 at campus X, known since January, enrols on 15 February for ¥1,000.
  await insertLeadHistory(t, {
    source: 'wechat',
    campaignId: 'c1',
    campusId: x.id,
    createdAt: at('2026-01-10'),
    moves: [
      { stage: 'awareness', at: at('2026-01-10') },
      { stage: 'name', at: at('2026-01-20') },
      { stage: 'mql', at: at('2026-02-05') },
      { stage: 'customer', at: at('2026-02-15') },
    ],
    touches: [
      { at: at('2026-02-01'), channel: 'wechat', campaignId: 'c1' },
      { at: at('2026-02-10'), channel: 'poster', campaignId: null },
      { at: at('2026-02-14'), channel: 'wechat', campaignId: 'c2' },
    ],
    enrolments: [{ at: '2026-02-15T06:00:00.000Z', amountFen: 100_000, courseId: course.id }],
  });
  // B: poster, no campaign, campus X: MQL, dormant, MQL-02, then SQL.
  await insertLeadHistory(t, {
    source: 'poster',
    campusId: x.id,
    createdAt: at('2026-02-03'),
    moves: [
      { stage: 'awareness', at: at('2026-02-03') },
      { stage: 'mql', at: at('2026-02-13') },
      { stage: 'dormant', at: at('2026-02-20') },
      { stage: 'mql', at: at('2026-02-25') },
      { stage: 'sql', at: at('2026-02-27') },
    ],
  });
  // C: wechat / c1 at campus Y, arrived on 20 February.
  await insertLeadHistory(t, {
    source: 'wechat',
    campaignId: 'c1',
    campusId: y.id,
    createdAt: at('2026-02-20'),
    moves: [{ stage: 'awareness', at: at('2026-02-20') }],
  });
  const cost = (json: object) =>
    t.request('/api/staff/analytics/costs', { method: 'POST', token: manager.token, json });
  expect(
    (
      await cost({
        targetKind: 'campaign',
        target: 'c1',
        fromDay: '2026-02-01',
        toDay: '2026-02-28',
        amountFen: 200_000,
      })
    ).status,
  ).toBe(201);
  // ¥100 over 20 February – 1 March: ¥10 a day, nine of the days in February.
  expect(
    (
      await cost({
        targetKind: 'campaign',
        target: 'c9',
        fromDay: '2026-02-20',
        toDay: '2026-03-01',
        amountFen: 10_000,
      })
    ).status,
  ).toBe(201);
  await foldAnalytics({ db: t.db, now: t.clock.now }, { settled: true });
  const get = <T>(path: string) => t.request<T>(`/api/staff/analytics/${path}`, { token: manager.token });
  return { t, x, y, manager, get };
}

type Json = Record<string, unknown>;
const stagesOf = (body: Json) =>
  (((body.groups as Json[])[0]?.stages ?? []) as Json[]).filter((s) => s.atEnd !== 0 || s.arrivals !== 0);

describe('GET /api/staff/analytics/* on a hand-computed data set', () => {
  it('volume: who is where at the end of February, and who arrived in it (MQL-02 is no first arrival)', async () => {
    const { get } = await setup();
    const res = await get<Json>(`volume?${FEB}`);
    expect(res.status).toBe(200);
    expect(stagesOf(res.body)).toEqual([
      { stage: 'awareness', atEnd: 1, arrivals: 2, firstArrivals: 2 },
      { stage: 'mql', atEnd: 0, arrivals: 3, firstArrivals: 2 },
      { stage: 'sql', atEnd: 1, arrivals: 1, firstArrivals: 1 },
      { stage: 'customer', atEnd: 1, arrivals: 1, firstArrivals: 1 },
      { stage: 'dormant', atEnd: 0, arrivals: 1, firstArrivals: 1 },
    ]);
    const bySource = await get<Json>(`volume?${FEB}&groupBy=source`);
    expect((bySource.body.groups as Json[]).map((g) => g.group)).toEqual(['poster', 'wechat']);
  });

  it('volume filtered to a campus counts only its leads', async () => {
    const { get, y } = await setup();
    const res = await get<Json>(`volume?${FEB}&campusId=${y.id}`);
    expect(stagesOf(res.body)).toEqual([{ stage: 'awareness', atEnd: 1, arrivals: 1, firstArrivals: 1 }]);
  });

  it('velocity: days in each stage before the next, first stays and the stay after MQL-02 apart', async () => {
    const { get } = await setup();
    const res = await get<{ series: Json[] }>(`velocity?${FEB}`);
    const line = (s: Json) => {
      const [point] = s.points as Json[];
      return [`${s.fromStage}>${s.toStage}:${s.visit}`, point?.count, point?.averageDays, point?.medianDays];
    };
    expect(res.body.series.map(line)).toEqual([
      ['awareness>mql:first', 1, 10, 10],
      ['name>mql:first', 1, 16, 16],
      ['mql>sql:repeat', 1, 2, 2],
      ['mql>customer:first', 1, 10, 10],
      ['mql>dormant:first', 1, 7, 7],
      ['dormant>mql:first', 1, 5, 5],
    ]);
  });

  it('value by source: revenue, orders, revenue per new lead and per lead so far', async () => {
    const { get } = await setup();
    const res = await get<Json>(`value?${FEB}&groupBy=source`);
    expect(res.body.groups).toEqual([
      {
        group: 'poster',
        revenueFen: 0,
        enrolments: 0,
        averageOrderFen: null,
        newLeads: 1,
        revenuePerLeadFen: 0,
        lifetimeRevenueFen: 0,
        lifetimeLeads: 1,
        lifetimeValuePerLeadFen: 0,
      },
      {
        group: 'wechat',
        revenueFen: 100_000,
        enrolments: 1,
        averageOrderFen: 100_000,
        newLeads: 1,
        revenuePerLeadFen: 100_000,
        lifetimeRevenueFen: 100_000,
        lifetimeLeads: 2,
        lifetimeValuePerLeadFen: 50_000,
      },
    ]);
  });

  it('effectiveness: February cohorts converting within 30 days, not yet mature on 2 March', async () => {
    const { get } = await setup();
    const res = await get<{ groups: { total: { isMature: boolean; stages: Json[] } }[] }>(
      `effectiveness?${FEB}&horizonDays=30`,
    );
    const total = res.body.groups[0]?.total;
    expect(total?.isMature).toBe(false);
    expect(total?.stages.filter((s) => s.entered !== 0)).toEqual([
      { stage: 'awareness', nextStage: 'friend', entered: 2, converted: 1, rate: 0.5 },
      { stage: 'mql', nextStage: 'sql', entered: 2, converted: 2, rate: 1 },
      { stage: 'sql', nextStage: 'opportunity', entered: 1, converted: 0, rate: 0 },
      { stage: 'customer', nextStage: 'advocate', entered: 1, converted: 0, rate: 0 },
    ]);
    // B's MQL-01 converts at SQL after 14 days: a 10-day horizon leaves only A's.
    const short = await get<{ groups: { total: { stages: Json[] } }[] }>(`effectiveness?${FEB}&horizonDays=10`);
    expect(short.body.groups[0]?.total.stages.find((s) => s.stage === 'mql')).toMatchObject({ converted: 1 });
  });

  it('efficiency per campaign: cost per lead, MQL, customer and ROI', async () => {
    const { get } = await setup();
    const res = await get<Json>(`efficiency?${FEB}&by=campaign`);
    expect(res.body.targets).toEqual([
      {
        target: 'c1',
        costFen: 200_000,
        newLeads: 1,
        mqls: 1,
        customers: 1,
        revenueFen: 100_000,
        costPerLeadFen: 200_000,
        costPerMqlFen: 200_000,
        costPerCustomerFen: 200_000,
        roi: -0.5,
      },
      {
        target: 'c9',
        costFen: 9_000,
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
        target: null,
        costFen: 0,
        newLeads: 1,
        mqls: 1,
        customers: 0,
        revenueFen: 0,
        costPerLeadFen: 0,
        costPerMqlFen: 0,
        costPerCustomerFen: null,
        roi: null,
      },
    ]);
  });

  it('attribution: the ¥1,000 enrolment split over its three touches by each model', async () => {
    const { get } = await setup();
    const credits = async (model: string, by = 'channel') => {
      const res = await get<{ revenueFen: number; unattributedFen: number; groups: Json[] }>(
        `attribution?${FEB}&model=${model}&by=${by}`,
      );
      expect(res.body).toMatchObject({ revenueFen: 100_000, unattributedFen: 0 });
      return res.body.groups.map((g) => [g.group, g.creditFen]);
    };
    expect(await credits('first_touch')).toEqual([['wechat', 100_000]]);
    expect(await credits('last_touch')).toEqual([['wechat', 100_000]]);
    // Thirds: 33,334 (the remainder to the pair touched first) + 33,333 + 33,333.
    expect(await credits('linear')).toEqual([
      ['poster', 33_333],
      ['wechat', 66_667],
    ]);
    // 40/20/40.
    expect(await credits('u_shaped')).toEqual([
      ['poster', 20_000],
      ['wechat', 80_000],
    ]);
    expect(await credits('u_shaped', 'campaign')).toEqual([
      ['c1', 40_000],
      ['c2', 40_000],
      [null, 20_000],
    ]);
  });

  it('every measure exports the same figures as CSV', async () => {
    const { get } = await setup();
    const csv = await get(`attribution.csv?${FEB}&model=linear`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // The byte order mark is sent (shared csv.test.ts); the test client's decoder drops it.
    expect(csv.text).toBe(
      '渠道或活动,归因收入（元）,占比\r\nposter,333.33,0.3333\r\nwechat,666.67,0.6667\r\n未归因,0,\r\n合计,1000,\r\n',
    );
    for (const measure of ['volume', 'velocity', 'value', 'effectiveness', 'efficiency']) {
      const res = await get(`${measure}.csv?${FEB}`);
      expect(res.status).toBe(200);
      expect(res.text.split('\r\n').length).toBeGreaterThan(2);
    }
  });

  it('refuses a bad period, filter or model with a 400 that names the field', async () => {
    const { get } = await setup();
    for (const [query, field] of [
      ['fromDay=2026-02-30&toDay=2026-03-01', 'fromDay'],
      ['fromDay=2026-03-01&toDay=2026-02-01', 'toDay'],
      ['fromDay=2024-01-01&toDay=2026-03-01', 'toDay'],
      [`${FEB}&groupBy=advisor`, 'groupBy'],
      [`${FEB}&campusId=`, 'campusId'],
      [`${FEB}&campusId=not-a-campus`, 'campusId'],
      [`${FEB}&courseId=12`, 'courseId'],
      [`${FEB}&colour=red`, ''],
    ] as const) {
      const res = await get(`volume?${query}`);
      const error = expectError(res, 400, 'validation_failed');
      if (field) expect(JSON.stringify(error)).toContain(field);
    }
    expectError(await get(`attribution?${FEB}&model=w_shaped`), 400, 'validation_failed');
    expectError(await get(`effectiveness?${FEB}&horizonDays=-1`), 400, 'validation_failed');
    expectError(await get(`efficiency?${FEB}&by=campus`), 400, 'validation_failed');
    expectError(await get('velocity.csv?fromDay=2026-02-01'), 400, 'validation_failed');
    // A day that is no day is named once, not also as "after the end".
    const badDay = expectError(await get('volume?fromDay=2026-13-01&toDay=2026-03-01'), 400, 'validation_failed');
    expect(JSON.stringify(badDay)).not.toContain('toDay');
  });

  it('lets a campus manager see only the leads of their campuses, and an advisor nothing', async () => {
    const { t, y } = await setup();
    const campusManager = await createTestStaff(t, { role: 'manager', campusIds: [y.id] });
    const res = await t.request<Json>(`/api/staff/analytics/volume?${FEB}`, { token: campusManager.token });
    expect(stagesOf(res.body)).toEqual([{ stage: 'awareness', atEnd: 1, arrivals: 1, firstArrivals: 1 }]);
    const advisor = await createTestStaff(t, { campusIds: [y.id] });
    expectError(await t.request(`/api/staff/analytics/volume?${FEB}`, { token: advisor.token }), 403, 'forbidden');
  });
});
