/**
 * Marketing costs (issue 15 §1 "from costs a manager enters per campaign or channel and period"):
 * entered, corrected, listed, exported and deleted by an institution-wide manager; bad input is
 * refused with a 400 and writes nothing.
 */
import type { MarketingCost, MarketingCostListResponse } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp, createTestCampus, createTestStaff, expectError } from '../../../tests/helpers/index.js';
import { marketingCosts } from '../../db/schema/index.js';

const ENTRY = {
  targetKind: 'campaign',
  target: 'spring-fair',
  fromDay: '2026-02-01',
  toDay: '2026-02-28',
  amountFen: 500_000,
};

async function setup() {
  const t = await createTestApp();
  const manager = await createTestStaff(t, { role: 'manager', isAllCampuses: true });
  const send = <T>(method: 'POST' | 'PUT' | 'DELETE' | 'GET', path: string, json?: unknown, token = manager.token) =>
    t.request<T>(`/api/staff/analytics/costs${path}`, { method, token, ...(json === undefined ? {} : { json }) });
  return { t, manager, send };
}

describe('/api/staff/analytics/costs', () => {
  it('enters, lists, corrects, exports and deletes a cost', async () => {
    const { t, manager, send } = await setup();
    const created = await send<MarketingCost>('POST', '', { ...ENTRY, note: '春季展会' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...ENTRY, note: '春季展会', enteredByStaffId: manager.id });
    const corrected = await send<MarketingCost>('PUT', `/${created.body.id}`, { ...ENTRY, amountFen: 450_000 });
    expect(corrected.body.amountFen).toBe(450_000);
    const listed = await send<MarketingCostListResponse>('GET', '?fromDay=2026-02-10&toDay=2026-02-11');
    expect(listed.body.costs.map((c) => c.amountFen)).toEqual([450_000]);
    const outside = await send<MarketingCostListResponse>('GET', '?fromDay=2026-03-01');
    expect(outside.body.costs).toEqual([]);
    const csv = await send('GET', '.csv');
    expect(csv.text).toContain('活动,spring-fair,2026-02-01,2026-02-28,4500,');
    expect((await send('DELETE', `/${created.body.id}`)).body).toEqual({ deleted: true });
    expect(await t.db.select().from(marketingCosts)).toEqual([]);
    expectError(await send('DELETE', `/${created.body.id}`), 404, 'not_found');
    expectError(await send('PUT', `/${created.body.id}`, ENTRY), 404, 'not_found');
  });

  it('refuses bad entries with a 400 and writes nothing', async () => {
    const { t, send } = await setup();
    for (const bad of [
      { ...ENTRY, targetKind: 'campus' },
      { ...ENTRY, target: '' },
      { ...ENTRY, target: 'x'.repeat(101) },
      { ...ENTRY, fromDay: '2026-02-30' },
      { ...ENTRY, fromDay: '2026-03-01' },
      { ...ENTRY, amountFen: -1 },
      { ...ENTRY, amountFen: 12.5 },
      { ...ENTRY, amountFen: 10_000_000_001 },
      { ...ENTRY, note: '长'.repeat(201) },
      { ...ENTRY, extra: true },
      { ...ENTRY, amountFen: undefined },
    ]) {
      expectError(await send('POST', '', bad), 400, 'validation_failed');
    }
    expectError(await send('PUT', '/not-a-uuid', ENTRY), 400, 'validation_failed');
    expectError(await send('GET', '?fromDay=yesterday'), 400, 'validation_failed');
    expect(await t.db.select().from(marketingCosts)).toEqual([]);
  });

  it('refuses a bad correction with a 400 in Chinese and leaves the entry as it was', async () => {
    const { t, send } = await setup();
    const created = await send<MarketingCost>('POST', '', { ...ENTRY, note: '春季展会' });
    const stored = await t.db.select().from(marketingCosts);
    for (const [bad, message] of [
      [{ ...ENTRY, toDay: '2026-01-31' }, '开始日期不能晚于结束日期'],
      [{ ...ENTRY, target: '  ' }, '请填写活动或渠道'],
      [{ ...ENTRY, targetKind: 'campus' }, '请选择活动或渠道'],
      [{ ...ENTRY, note: '长'.repeat(201) }, '备注最多 200 字'],
    ] as const) {
      const refused = expectError(await send('PUT', `/${created.body.id}`, bad), 400, 'validation_failed');
      expect(refused.userMessage, JSON.stringify(bad)).toBe(message);
    }
    for (const bad of [
      { ...ENTRY, amountFen: -1 },
      { ...ENTRY, amountFen: 12.5 },
      { ...ENTRY, id: created.body.id },
      {},
    ])
      expectError(await send('PUT', `/${created.body.id}`, bad), 400, 'validation_failed');
    expect(await t.db.select().from(marketingCosts)).toEqual(stored);
  });

  it('lets a campus manager read costs but not enter, correct or delete them', async () => {
    const { t, send } = await setup();
    const campus = await createTestCampus(t);
    const campusManager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
    expect((await send('GET', '', undefined, campusManager.token)).status).toBe(200);
    expectError(await send('POST', '', ENTRY, campusManager.token), 403, 'forbidden');
    expect(await t.db.select().from(marketingCosts)).toEqual([]);
    const created = await send<MarketingCost>('POST', '', ENTRY);
    const stored = await t.db.select().from(marketingCosts);
    const path = `/${created.body.id}`;
    expectError(await send('PUT', path, { ...ENTRY, amountFen: 1 }, campusManager.token), 403, 'forbidden');
    expectError(await send('DELETE', path, undefined, campusManager.token), 403, 'forbidden');
    expect(await t.db.select().from(marketingCosts)).toEqual(stored);
  });
});
