/**
 * Many registered prospects at once, for concurrency tests: rows written directly (logging in 50
 * leads through WeChat would test login 50 times) and tokens signed like the login route signs them.
 */
import { leads } from '../../server/db/schema/index.js';
import { signSessionToken } from '../../server/services/auth/session-token.js';
import type { TestApp } from './test-app.js';

export async function createRegisteredProspects(
  t: TestApp,
  count: number,
): Promise<{ leadId: string; token: string }[]> {
  const now = t.clock.now();
  const rows = await t.db
    .insert(leads)
    .values(
      Array.from({ length: count }, (_, i) => ({
        openid: `o_bulk_${now.getTime()}_${i}_${Math.random().toString(36).slice(2)}`,
        name: `学员${i}`,
        phone: `139${String(i).padStart(8, '0')}`,
        consentPolicyVersion: '2026-11',
        consentAgreedAt: now,
        lifecycleStage: 'name',
        lifecycleArrivals: { awareness: 1, name: 1 },
      })),
    )
    .returning({ id: leads.id });
  return Promise.all(
    rows.map(async (r) => ({
      leadId: r.id,
      token: (await signSessionToken(t.env.AUTH_SECRET, { subject: r.id, role: 'prospect' }, now)).token,
    })),
  );
}
