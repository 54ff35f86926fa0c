import { BUILT_IN_CAMPAIGNS, type LoginResponse } from '@scrm/shared';
import { and, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/index.js';
import { advisors, campuses, leads } from '../../db/schema/index.js';
import { seedDemoInstitution } from './seed-demo-institution.js';
import { DEMO_STAFF_OPENIDS } from './seed-demo-workbench.js';

describe('the demo workbench (issue 9 §1)', () => {
  it('seeds a manager for every campus and two advisors per campus, each holding accepted, waiting and overdue leads', async () => {
    const t = await createTestApp();
    const report = await seedDemoInstitution(t.db, { now: t.clock.now(), nodeEnv: 'test' });
    expect(report).toMatchObject({ isSeeded: true, staff: 9, assignedLeads: 24, campaigns: BUILT_IN_CAMPAIGNS.length });
    const manager = await t.db.select().from(advisors).where(eq(advisors.openid, DEMO_STAFF_OPENIDS.manager));
    expect(manager).toMatchObject([{ role: 'manager', isAllCampuses: true }]);
    const campusIds = (await t.db.select({ id: campuses.id }).from(campuses)).map((c) => c.id);
    for (const [i, openid] of DEMO_STAFF_OPENIDS.advisors.entries()) {
      const [advisor] = await t.db.select().from(advisors).where(eq(advisors.openid, openid));
      expect(advisor?.campusIds).toEqual([campusIds[Math.floor(i / 2)]]);
      const held = and(eq(leads.ownerAdvisorId, advisor?.id ?? ''), isNull(leads.ownerAcceptedAt));
      expect(
        await t.db.$count(leads, and(eq(leads.ownerAdvisorId, advisor?.id ?? ''), isNotNull(leads.ownerAcceptedAt))),
      ).toBe(2);
      expect(await t.db.$count(leads, held)).toBe(2);
      expect(await t.db.$count(leads, and(held, lt(leads.slaDueAt, t.clock.now())))).toBe(1);
    }
    expect(await t.db.$count(leads, and(isNull(leads.ownerAdvisorId), isNotNull(leads.phone)))).toBeGreaterThan(0);

    // The stand-in's code dev-manager signs in as that manager.
    const login = await t.request<LoginResponse>('/api/auth/login', { json: { code: 'dev-manager' } });
    expect(login.body.staff).toMatchObject({
      role: 'manager',
      isAllCampuses: true,
      campusIds: expect.arrayContaining(campusIds),
    });
  });

  it('refuses to seed in production, writing nothing', async () => {
    const t = await createTestApp();
    await expect(seedDemoInstitution(t.db, { now: t.clock.now(), nodeEnv: 'production' })).rejects.toThrow(
      /never seeded in production/,
    );
    expect(await t.db.select().from(advisors)).toEqual([]);
    expect(await t.db.select().from(campuses)).toEqual([]);
  });
});
