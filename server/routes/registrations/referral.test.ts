/**
 * Referral inflation (issue 8 item 11): a referral counts for the referrer only once the referred
 * lead is real (a phone WeChat verified, or a trial booking), once per referred lead, and at most
 * three times over the scoring window.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_SCORING_MODEL, getEngagementAt, scoreStateSchema } from '@scrm/shared';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestSession,
  getTestDatabase,
  logInAs,
  registerThroughApi,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { leads, scoreLedger, touchpoints } from '../../db/schema/index.js';

const DAY = 86_400_000;

async function victimOf(t: TestApp) {
  const victim = await logInAs(t, `v${randomUUID().slice(0, 8)}`);
  await registerThroughApi(t, victim.token, { phone: '13900000000' });
  return victim;
}

const referralsOf = (t: TestApp, leadId: string) =>
  t.db
    .select()
    .from(touchpoints)
    .where(and(eq(touchpoints.leadId, leadId), eq(touchpoints.type, 'referral_signup')));

const scoreOf = async (t: TestApp, leadId: string) =>
  (await t.db.select({ total: leads.scoreTotal }).from(leads).where(eq(leads.id, leadId)))[0]?.total;

/** A new prospect who registers naming `referrerLeadId`, with a typed (unverified) number. */
async function referredProspect(t: TestApp, referrerLeadId: string, phone: string) {
  const referred = await logInAs(t, `r${randomUUID().slice(0, 8)}`);
  const catalog = await registerThroughApi(t, referred.token, { phone, referrerLeadId });
  return { ...referred, catalog };
}

// The embedded database starts once per file, in a hook (its time limit suits a loaded machine).
beforeAll(() => getTestDatabase());

describe('referrals (issue 8 item 11)', () => {
  it('thirty throwaway registrations naming one referrer change nothing about the referrer', async () => {
    const t = await createTestApp();
    const victim = await victimOf(t);
    const before = await t.db.select().from(leads).where(eq(leads.id, victim.leadId));
    for (let i = 0; i < 30; i += 1) {
      await referredProspect(t, victim.leadId, `1370000${String(i).padStart(4, '0')}`);
      t.clock.advance(3_000); // within the login rate limit (30 a minute per address)
    }
    expect(await referralsOf(t, victim.leadId)).toEqual([]);
    const after = await t.db.select().from(leads).where(eq(leads.id, victim.leadId));
    expect(after[0]?.scoreTotal).toBe(before[0]?.scoreTotal);
    expect(after[0]?.lifecycleStage).toBe(before[0]?.lifecycleStage);
    const ledger = await t.db.select().from(scoreLedger).where(eq(scoreLedger.leadId, victim.leadId));
    expect(ledger.filter((e) => e.ruleId === 'referral-signup')).toEqual([]);
  }, 120_000);

  it('a referred lead whose number WeChat verified counts once, whatever it does next', async () => {
    const t = await createTestApp();
    const referrer = await victimOf(t);
    const referred = await referredProspect(t, referrer.leadId, '13700001111');
    const before = await scoreOf(t, referrer.leadId);
    const bind = await t.request('/api/auth/phone', {
      method: 'POST',
      token: referred.token,
      json: { code: 'phone-13700001111' },
    });
    expect(bind.status).toBe(200);
    expect(await referralsOf(t, referrer.leadId)).toMatchObject([
      { referrer: referred.leadId, props: { referrerLeadId: referrer.leadId } },
    ]);
    expect(await scoreOf(t, referrer.leadId)).toBeCloseTo((before ?? 0) + 12, 3);

    // Binding again and booking a trial make it no more real: still one referral.
    await t.request('/api/auth/phone', { method: 'POST', token: referred.token, json: { code: 'phone-13700001111' } });
    const session = await createTestSession(t, referred.catalog);
    const booked = await t.request('/api/bookings', {
      method: 'POST',
      token: referred.token,
      json: { sessionId: session.id },
    });
    expect(booked.status).toBe(201);
    expect(await referralsOf(t, referrer.leadId)).toHaveLength(1);
  });

  it('a trial booking alone makes the referral count', async () => {
    const t = await createTestApp();
    const referrer = await victimOf(t);
    const referred = await referredProspect(t, referrer.leadId, '13700002222');
    const session = await createTestSession(t, referred.catalog);
    await t.request('/api/bookings', { method: 'POST', token: referred.token, json: { sessionId: session.id } });
    expect(await referralsOf(t, referrer.leadId)).toHaveLength(1);
  });

  it('counts at most three real referrals over the scoring window', async () => {
    const t = await createTestApp();
    const referrer = await victimOf(t);
    for (let i = 0; i < 5; i += 1) {
      const phone = `1370000333${i}`;
      const referred = await referredProspect(t, referrer.leadId, phone);
      await t.request('/api/auth/phone', { method: 'POST', token: referred.token, json: { code: `phone-${phone}` } });
      t.clock.advance(DAY);
    }
    expect(await referralsOf(t, referrer.leadId)).toHaveLength(5);
    // Five referrals on five days, worth three: the three latest, barely decayed (half-life 30 days).
    const [row] = await t.db.select().from(leads).where(eq(leads.id, referrer.leadId));
    const state = scoreStateSchema.parse(row?.scoreState);
    const referralPoints = getEngagementAt(state, DEFAULT_SCORING_MODEL, t.clock.now())['referral-signup'] ?? 0;
    expect(referralPoints).toBeGreaterThan(3 * 12 * 0.9);
    expect(referralPoints).toBeLessThanOrEqual(3 * 12);
  });
});
