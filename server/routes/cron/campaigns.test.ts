import { randomUUID } from 'node:crypto';
import { DEFAULT_FREQUENCY_CAPS, type RunCampaignsResponse } from '@scrm/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  buildTestCampaign,
  createCampaignLeads,
  createTestApp,
  createTestCampaign,
  expectError,
  runCampaignCron,
  TEST_TEMPLATE_ID,
} from '../../../tests/helpers/index.js';
import { leadMessages, messageOutbox, subscriptions } from '../../db/schema/index.js';
import { claimSends } from '../../services/campaigns/claim-sends.js';
import { createDispatchTally } from '../../services/campaigns/dispatch-tally.js';
import { STAND_IN_TEMPLATE_IDS_BY_KEY } from '../../wechat/stand-in/credentials.js';
import { createStandInControl } from '../../wechat/stand-in/stand-in-control.js';

const tag = () => `tag-${randomUUID().slice(0, 8)}`;

describe('GET|POST /api/cron/campaigns', () => {
  it('refuses a call without the cron secret, and writes nothing', async () => {
    const t = await createTestApp();
    const label = tag();
    await createCampaignLeads(t, 2, label);
    await createTestCampaign(t, buildTestCampaign(label));
    expectError(await runCampaignCron(t, ''), 401, 'unauthenticated');
    expectError(await runCampaignCron(t, 'wrong-secret-0123456789'), 401, 'unauthenticated');
    const get = await t.request('/api/cron/campaigns', { headers: { authorization: 'Basic abc' } });
    expectError(get, 401, 'unauthenticated');
    expect(await t.db.select().from(messageOutbox)).toEqual([]);
  });

  it('sends a subscribe message to a lead with a grant and an in-app message to one without; twice plans nothing new', async () => {
    const t = await createTestApp();
    const label = tag();
    const [granted, ungranted] = await createCampaignLeads(t, 2, label, (i) =>
      i === 0 ? { ours: 1, wechat: 1 } : { ours: 0, wechat: 0 },
    );
    const campaign = await createTestCampaign(t, buildTestCampaign(label));
    const res = await t.request<{ planned: number; sent: object }>('/api/cron/campaigns', {
      headers: { authorization: `Bearer ${t.env.CRON_SECRET}` },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ entered: 2, planned: 2, sent: { subscribeMessage: 1, inAppMessage: 1 } });
    const control = createStandInControl(t.wechat.url);
    const [message] = await control.messages(granted?.openid);
    expect(message).toMatchObject({
      template_id: TEST_TEMPLATE_ID,
      data: {
        thing1: { value: '免费试听课' },
        thing2: { value: '家长0，试听课仍可预约' },
        phrase3: { value: '可预约' },
      },
    });
    expect(message?.page).toContain(`campaignId=${campaign.id}`);
    expect(await control.messages(ungranted?.openid)).toEqual([]);
    const inApp = await t.db
      .select()
      .from(leadMessages)
      .where(eq(leadMessages.leadId, ungranted?.id as string));
    expect(inApp).toMatchObject([{ campaignId: campaign.id, stepId: 'hello', title: '课程动态通知' }]);
    expect(inApp[0]?.body).toContain('家长1，试听课仍可预约');
    const [grant] = await t.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.leadId, granted?.id as string));
    expect(grant).toMatchObject({ grantedCount: 1, spentCount: 1 });
    // Again: nobody new, nothing new planned, nothing sent twice.
    expect((await runCampaignCron(t)).body).toMatchObject({
      entered: 0,
      planned: 0,
      sent: { subscribeMessage: 0, inAppMessage: 0 },
    });
    expect(await control.messages(granted?.openid)).toHaveLength(1);
  });

  it('overlapping runs and one killed mid-batch over thousands of leads: no message twice, none without a grant', async () => {
    // 22:00 in Shanghai: quiet hours, so the first run plans for 08:30 and sends nothing.
    const t = await createTestApp({ now: '2026-03-02T14:00:00.000Z' });
    const label = tag();
    const count = 2000;
    // Most leads hold a grant on both sides; some only in our ledger (WeChat answers 43101); some none.
    const grantOf = (i: number) =>
      i % 10 < 6 ? { ours: 1, wechat: 1 } : i % 10 === 6 ? { ours: 1, wechat: 0 } : { ours: 0, wechat: 0 };
    const created = await createCampaignLeads(t, count, label, grantOf);
    await createTestCampaign(t, buildTestCampaign(label));
    const control = createStandInControl(t.wechat.url);
    const before = (await control.messages()).length;
    expect((await runCampaignCron(t)).body).toMatchObject({
      planned: count,
      deferred: {},
      sent: { subscribeMessage: 0 },
    });
    t.clock.set('2026-03-03T00:31:00.000Z'); // 08:31 in Shanghai
    // A runner claims a batch (grants spent, rows `sending`) and dies before calling WeChat.
    const killed = await claimSends(
      { db: t.db, store: t.store },
      {
        now: t.clock.now(),
        limit: 100,
        leaseMs: 60_000,
        caps: DEFAULT_FREQUENCY_CAPS,
        templateIds: STAND_IN_TEMPLATE_IDS_BY_KEY,
        catalogue: [],
      },
      createDispatchTally(),
    );
    expect(killed.claimed).toBe(100);
    expect(killed.sends.length).toBeGreaterThan(0);
    // Four runs at once drain the rest while the killed runner's rows sit in `sending`; a run that
    // spent its time budget leaves the rest to the next round, as the next cron call would.
    const runs: RunCampaignsResponse[] = [];
    for (let round = 0; round < 10; round++) {
      const overlapping = await Promise.all([1, 2, 3, 4].map(() => runCampaignCron(t)));
      for (const run of overlapping) expect(run.status).toBe(200);
      runs.push(...overlapping.map((r) => r.body));
      if (overlapping.every((r) => !r.body.isBudgetExhausted)) break;
    }
    const report = JSON.stringify(runs.map((r) => ({ ...r, unknownSends: r.unknownSends.length })));
    const sentByRuns = runs.reduce((n, r) => n + r.sent.subscribeMessage + r.sent.inAppMessage, 0);
    // A send WeChat (or the connection) turned away for now goes again later with backoff; one
    // whose reply was lost (a slow machine times the call out) is unknown and not retried.
    const retried = runs.reduce((n, r) => n + (r.deferred.retry_later ?? 0), 0);
    const lost = runs.reduce((n, r) => n + r.unknown, 0);
    expect(sentByRuns + retried + lost, report).toBe(count - 100);
    // Grants only our ledger had: WeChat said 43101 and the step went in-app instead.
    expect(runs.reduce((n, r) => n + (r.deferred.no_grant_in_app ?? 0), 0)).toBeGreaterThan(0);
    // The killed runner's lease runs out: its sends become unknown, are listed, and never go out.
    // Later runs also send what was put back for a retry; on a loaded machine one of those replies
    // can be lost too, so they run until nothing waits and their unknowns are counted with the rest.
    t.clock.advance(10 * 60_000);
    const after = await runCampaignCron(t);
    expect(after.body.unknown).toBeGreaterThanOrEqual(killed.sends.length);
    let unknownLater = after.body.unknown;
    let waiting = after.body.deferred.retry_later ?? 0;
    for (let round = 0; waiting > 0 && round < 6; round++) {
      t.clock.advance(45 * 60_000);
      const again = await runCampaignCron(t);
      unknownLater += again.body.unknown;
      waiting = again.body.deferred.retry_later ?? 0;
    }
    const unknownTotal = lost + unknownLater;
    expect(after.body.unknownSends.length).toBe(Math.min(50, lost + after.body.unknown));

    const messages = (await control.messages()).slice(before);
    const keys = messages.map((m) => `${m.touser}|${m.page}`);
    expect(new Set(keys).size).toBe(keys.length);
    const indexOf = new Map(created.map((lead, i) => [lead.openid, i]));
    const perLead = new Map<string, number>();
    for (const m of messages) perLead.set(m.touser, (perLead.get(m.touser) ?? 0) + 1);
    for (const [openid, n] of perLead) expect(n).toBeLessThanOrEqual(grantOf(indexOf.get(openid) as number).wechat);
    const killedLeads = new Set(killed.sends.map((s) => s.message.toOpenId));
    for (const m of messages) expect(killedLeads.has(m.touser)).toBe(false);
    // Every lead has one row: sent on WeChat (and in its log), sent in-app (one message, nothing on
    // WeChat), or unknown (the killed batch, and replies lost on the way).
    const rows = await t.db
      .select({ status: messageOutbox.status, channel: messageOutbox.channel, leadId: messageOutbox.leadId })
      .from(messageOutbox)
      .where(
        inArray(
          messageOutbox.leadId,
          created.map((c) => c.id),
        ),
      );
    expect(rows).toHaveLength(count);
    expect(rows.filter((r) => r.status === 'unknown')).toHaveLength(unknownTotal);
    expect(rows.filter((r) => r.status !== 'unknown' && r.status !== 'sent')).toEqual([]);
    const openidOf = new Map(created.map((c) => [c.id, c.openid]));
    const inApp = await t.db.select({ leadId: leadMessages.leadId }).from(leadMessages);
    const inAppLeads = new Set(inApp.map((m) => m.leadId));
    expect(inAppLeads.size).toBe(inApp.length);
    for (const row of rows) {
      const onWechat = perLead.get(openidOf.get(row.leadId) as string) ?? 0;
      if (row.status === 'sent' && row.channel === 'subscribe_message') expect(onWechat).toBe(1);
      if (row.status === 'sent' && row.channel === 'in_app_message') {
        expect(onWechat).toBe(0);
        expect(inAppLeads.has(row.leadId)).toBe(true);
      }
    }
    const overspent = await t.db
      .select()
      .from(subscriptions)
      .where(sql`${subscriptions.spentCount} > ${subscriptions.grantedCount}`);
    expect(overspent).toEqual([]);
  }, 300_000);
});
