import { randomUUID } from 'node:crypto';
import { AUTH_ROLES, type AuthRole } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import {
  createRegisteredProspects,
  createTestApp,
  createTestCampus,
  createTestStaff,
  expectError,
  signTestToken,
  type TestApp,
} from '../../tests/helpers/index.js';
import { routes } from '../routes/index.js';
import { ACCESS_TABLE, type AccessKey, type AccessRow } from './access-table.js';

const keyOf = (route: { method: string; path: string }) => `${route.method.toUpperCase()} ${route.path}`;
const tableKeys = Object.keys(ACCESS_TABLE) as AccessKey[];
/** Every route the app serves, including the OpenAPI document `createApp` adds. */
const appKeys = [...routes.map(keyOf), 'GET /openapi.json'];

/** A request to the route with any well-formed path; the body is `{}` (validation runs after access). */
function call(t: TestApp, key: string, token?: string, headers: Record<string, string> = {}) {
  const [method = 'GET', path = '/'] = key.split(' ');
  const url = `/api${path.replace(/:[A-Za-z]+/g, randomUUID())}`;
  const hasBody = method !== 'GET' && method !== 'DELETE';
  return t.request(url, {
    method: method as 'GET',
    headers,
    ...(token ? { token } : {}),
    ...(hasBody ? { json: {} } : {}),
  });
}

describe('the access table (issue 9 §1)', () => {
  it('has a row for every route of the app, and no row without a route', () => {
    expect(appKeys.filter((key) => !(key in ACCESS_TABLE))).toEqual([]);
    expect(tableKeys.filter((key) => !appKeys.includes(key))).toEqual([]);
  });

  it('refuses a prospect on every /api/staff route except joining (the one way to become staff)', () => {
    const prospectStaffRoutes = tableKeys.filter((key) => {
      const row: AccessRow = ACCESS_TABLE[key];
      return key.split(' ')[1]?.startsWith('/staff/') && typeof row === 'object' && 'prospect' in row;
    });
    expect(prospectStaffRoutes).toEqual(['POST /staff/join']);
  });

  it('is what every route answers: role by role, generated from the table', async () => {
    const t = await createTestApp();
    const campus = await createTestCampus(t);
    const advisor = await createTestStaff(t, { role: 'advisor', campusIds: [campus.id] });
    const manager = await createTestStaff(t, { role: 'manager', isAllCampuses: true });
    // One prospect per call: DELETE /me erases the one it is given.
    const prospects = await createRegisteredProspects(t, tableKeys.length);
    const tokenFor = (role: AuthRole, i: number) =>
      role === 'prospect' ? prospects[i]?.token : role === 'advisor' ? advisor.token : manager.token;
    const mismatches: string[] = [];
    for (const [i, key] of tableKeys.entries()) {
      const row: AccessRow = ACCESS_TABLE[key];
      if (row === 'public') {
        const res = await call(t, key);
        if (res.status === 401 || res.status === 403) mismatches.push(`${key} public → ${res.status}`);
        continue;
      }
      if (row === 'cron') {
        const denied = await call(t, key, undefined, { authorization: 'Bearer not-the-cron-secret' });
        const allowed = await call(t, key, undefined, { authorization: `Bearer ${t.env.CRON_SECRET}` });
        if (denied.status !== 401 || allowed.status !== 200)
          mismatches.push(`${key} cron → ${denied.status}/${allowed.status}`);
        continue;
      }
      const anonymous = await call(t, key);
      if (anonymous.status !== 401) mismatches.push(`${key} anonymous → ${anonymous.status}`);
      for (const role of AUTH_ROLES) {
        const res = await call(t, key, tokenFor(role, i));
        const isAllowed = role in row;
        const isRefused = res.status === 401 || res.status === 403;
        const isForbidden =
          res.status === 403 && (res.body as { error?: { code?: string } }).error?.code === 'forbidden';
        if (isAllowed ? isRefused : !isForbidden) mismatches.push(`${key} ${role} → ${res.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a staff token whose staff member left, or whose role changed, on the next request', async () => {
    const t = await createTestApp();
    const campus = await createTestCampus(t);
    const gone = await createTestStaff(t, { role: 'advisor', campusIds: [campus.id], isActive: false });
    const res = await t.request('/api/staff/leads', { token: gone.token });
    expect(expectError(res, 403, 'forbidden').userMessage).toBe('账号已停用，请联系主管');
    // A manager's id in an advisor token: the role changed since it was signed (or it was forged).
    const manager = await createTestStaff(t, { role: 'manager', isAllCampuses: true });
    const stale = await signTestToken(t, { subject: manager.id, role: 'advisor' });
    expectError(await t.request('/api/staff/leads', { token: stale }), 401, 'unauthenticated');
    // A well-signed staff token of nobody.
    const nobody = await signTestToken(t, { role: 'advisor' });
    expectError(await t.request('/api/staff/leads', { token: nobody }), 401, 'unauthenticated');
  });

  it('lets only an institution-wide manager change the settings', async () => {
    const t = await createTestApp();
    const campus = await createTestCampus(t);
    const campusManager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
    const res = await t.request('/api/staff/settings', { method: 'PUT', token: campusManager.token, json: {} });
    expect(expectError(res, 403, 'forbidden').userMessage).toBe('只有负责全部校区的主管可以操作');
  });
});
