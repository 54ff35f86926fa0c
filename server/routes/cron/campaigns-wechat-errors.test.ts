import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildTestCampaign,
  createCampaignLeads,
  createTestApp,
  createTestCampaign,
  runCampaignCron,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { campaigns, leadMessages, messageOutbox, subscriptions } from '../../db/schema/index.js';
import { createStandInControl } from '../../wechat/stand-in/stand-in-control.js';

const MINUTE_MS = 60_000;

async function setup(grants = { ours: 1, wechat: 1 }) {
  const t = await createTestApp({ expectErrorLogs: true });
  const control = createStandInControl(t.wechat.url);
  await control.clearFaults();
  const tag = `w-${randomUUID().slice(0, 6)}`;
  const [lead] = await createCampaignLeads(t, 1, tag, () => grants);
  if (!lead) throw new Error('no lead');
  const campaign = await createTestCampaign(t, buildTestCampaign(tag));
  const row = async () => (await t.db.select().from(messageOutbox).where(eq(messageOutbox.leadId, lead.id)))[0];
  const grant = async () => (await t.db.select().from(subscriptions).where(eq(subscriptions.leadId, lead.id)))[0];
  return { t, control, lead, campaign, row, grant };
}

const sendFails = (t: TestApp, errcode: number, times = 1) =>
  createStandInControl(t.wechat.url).failNext('subscribe_send', { errcode, errmsg: `injected ${errcode}` }, times);

describe('the runner acts on WeChat errcodes (against the stand-in)', () => {
  beforeEach(async () => {
    const t = await createTestApp();
    await createStandInControl(t.wechat.url).clearFaults();
  });

  it('43101 (no grant on WeChat): spends nothing, marks the grant gone, and shows the step in-app', async () => {
    const { t, control, lead, row, grant } = await setup({ ours: 1, wechat: 0 });
    const run = await runCampaignCron(t);
    expect(run.body).toMatchObject({
      sent: { subscribeMessage: 0, inAppMessage: 1 },
      deferred: { no_grant_in_app: 1 },
    });
    expect(await control.messages(lead.openid)).toEqual([]);
    expect(await grant()).toMatchObject({ grantedCount: 0, spentCount: 0 });
    expect(await row()).toMatchObject({ status: 'sent', channel: 'in_app_message', errcode: 43101 });
    expect(await t.db.select().from(leadMessages).where(eq(leadMessages.leadId, lead.id))).toHaveLength(1);
  });

  it.each([40001, 42001])(
    '%i (stale token): refreshes the token once, sends, and spends one grant',
    async (errcode) => {
      const { t, control, lead, grant } = await setup();
      const tokensBefore = (await control.calls()).stable_token ?? 0;
      await sendFails(t, errcode);
      expect((await runCampaignCron(t)).body).toMatchObject({ sent: { subscribeMessage: 1 }, failed: {} });
      expect(await control.messages(lead.openid)).toHaveLength(1);
      // The token fetched for the send, then the one refresh after WeChat called it stale.
      expect(((await control.calls()).stable_token ?? 0) - tokensBefore).toBe(2);
      expect(await grant()).toMatchObject({ grantedCount: 1, spentCount: 1 });
    },
  );

  it('47003 (bad template data): fails the step with the reason and gives the grant back', async () => {
    const { t, control, lead, row, grant } = await setup();
    await sendFails(t, 47003);
    expect((await runCampaignCron(t)).body).toMatchObject({ sent: { subscribeMessage: 0 }, failed: { 47003: 1 } });
    expect(await row()).toMatchObject({
      status: 'failed',
      reason: 'bad_data',
      errcode: 47003,
      lastError: 'injected 47003',
    });
    expect(await grant()).toMatchObject({ grantedCount: 1, spentCount: 0 });
    expect(await control.messages(lead.openid)).toEqual([]);
    // Failed for good: a later run does not send it.
    t.clock.advance(60 * MINUTE_MS);
    expect((await runCampaignCron(t)).body.sent.subscribeMessage).toBe(0);
  });

  it('45009 (quota): refunds, retries later with backoff, and sends on the retry', async () => {
    const { t, control, lead, row, grant } = await setup();
    await sendFails(t, 45009);
    expect((await runCampaignCron(t)).body).toMatchObject({ deferred: { retry_later: 1 } });
    const waiting = await row();
    expect(waiting).toMatchObject({ status: 'pending', errcode: 45009, attempts: 1 });
    const delay = (waiting?.scheduledAt.getTime() ?? 0) - t.clock.now().getTime();
    expect(delay).toBeGreaterThanOrEqual(4 * MINUTE_MS);
    expect(delay).toBeLessThanOrEqual(6 * MINUTE_MS);
    expect(await grant()).toMatchObject({ spentCount: 0 });
    t.clock.advance(7 * MINUTE_MS);
    expect((await runCampaignCron(t)).body.sent.subscribeMessage).toBe(1);
    expect(await control.messages(lead.openid)).toHaveLength(1);
  });

  it('45009 again and again: gives up after a bounded number of attempts', async () => {
    const { t, control, lead, row, grant } = await setup();
    await sendFails(t, 45009, 10);
    const failed: Record<string, number>[] = [];
    for (let i = 0; i < 6; i++) {
      failed.push((await runCampaignCron(t)).body.failed);
      t.clock.advance(60 * MINUTE_MS);
    }
    expect(await row()).toMatchObject({ status: 'failed', reason: 'retries_exhausted', attempts: 5 });
    expect(failed.filter((f) => f['45009'] === 1)).toHaveLength(1);
    expect(await grant()).toMatchObject({ spentCount: 0 });
    expect(await control.messages(lead.openid)).toEqual([]);
    await control.clearFaults();
  });

  it('no connection for the token: the message never left, so it is retried later', async () => {
    const { t, control, lead, row } = await setup();
    await control.failNext('stable_token', { network: 'drop' });
    expect((await runCampaignCron(t)).body).toMatchObject({ deferred: { retry_later: 1 } });
    expect(await row()).toMatchObject({ status: 'pending', errcode: null });
    t.clock.advance(7 * MINUTE_MS);
    expect((await runCampaignCron(t)).body.sent.subscribeMessage).toBe(1);
    expect(await control.messages(lead.openid)).toHaveLength(1);
  });

  it('a connection lost after WeChat accepted: unknown, listed, kept spent, never sent again', async () => {
    const { t, control, lead, row, grant } = await setup();
    await control.failNext('subscribe_send', { network: 'drop_after_accept' });
    const run = await runCampaignCron(t);
    expect(run.body.unknown).toBe(1);
    const current = await row();
    expect(run.body.unknownSends).toContainEqual(expect.objectContaining({ outboxId: current?.id, leadId: lead.id }));
    expect(current).toMatchObject({ status: 'unknown' });
    expect(await grant()).toMatchObject({ spentCount: 1 });
    t.clock.advance(24 * 60 * MINUTE_MS);
    await runCampaignCron(t);
    expect(await control.messages(lead.openid)).toHaveLength(1);
  });

  it('40037 (template unknown to WeChat): fails the send and pauses the campaign (configuration)', async () => {
    const { t, campaign, row } = await setup();
    await sendFails(t, 40037);
    expect((await runCampaignCron(t)).body.failed).toEqual({ 40037: 1 });
    expect(await row()).toMatchObject({ status: 'failed', reason: 'invalid_template' });
    const [paused] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(paused?.status).toBe('paused');
  });
});
