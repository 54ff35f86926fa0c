import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  buildTestCampaign,
  createCampaignLeads,
  createTestApp,
  createTestCampaign,
  runCampaignCron,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { messageOutbox, subscriptions, touchpoints } from '../../db/schema/index.js';
import { createStandInControl } from '../../wechat/stand-in/stand-in-control.js';

/**
 * Makes the database refuse the `message_sent` touchpoints of these leads (a trigger raising an
 * error), so that recording a sent batch fails after WeChat accepted its messages; returns the
 * function that lifts the failure.
 */
async function failMessageSentOf(t: TestApp, leadIds: readonly string[]) {
  const name = `fail_message_sent_${randomUUID().replaceAll('-', '')}`;
  const ids = leadIds.map((id) => `'${id}'`).join(', ');
  await t.db.execute(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin
        if new.type = 'message_sent' and new.lead_id in (${ids}) then raise exception 'injected: disk full'; end if;
        return new;
      end $$`),
  );
  await t.db.execute(
    sql.raw(`create trigger ${name} before insert on touchpoints for each row execute function ${name}()`),
  );
  return async () => {
    await t.db.execute(sql.raw(`drop trigger ${name} on touchpoints`));
    await t.db.execute(sql.raw(`drop function ${name}()`));
  };
}

async function setup(count: number) {
  const t = await createTestApp({ expectErrorLogs: true });
  const tag = `rf-${randomUUID().slice(0, 6)}`;
  const leads = await createCampaignLeads(t, count, tag, () => ({ ours: 1, wechat: 1 }));
  await createTestCampaign(t, buildTestCampaign(tag));
  const rowsOf = (leadIds: readonly string[]) =>
    t.db
      .select()
      .from(messageOutbox)
      .where(inArray(messageOutbox.leadId, [...leadIds]));
  return { t, leads, control: createStandInControl(t.wechat.url), rowsOf };
}

describe('the runner when recording a sent batch fails', () => {
  it('leaves the batch’s sends unknown and listed, with their grants spent, and never sends them again', async () => {
    const { t, leads, control, rowsOf } = await setup(3);
    const ids = leads.map((l) => l.id);
    const lift = await failMessageSentOf(t, ids);
    const run = await runCampaignCron(t);
    await lift();
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ sent: { subscribeMessage: 0, inAppMessage: 0 }, unknown: 3 });
    const rows = await rowsOf(ids);
    expect(rows.map((r) => r.status)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(rows.every((r) => r.reason === 'record_failed')).toBe(true);
    const listed = run.body.unknownSends.map((u) => u.outboxId);
    for (const row of rows) expect(listed).toContain(row.id);
    // WeChat got each message once; our ledger keeps the grant spent, as for any unknown send.
    for (const lead of leads) expect(await control.messages(lead.openid)).toHaveLength(1);
    const grants = await t.db.select().from(subscriptions).where(inArray(subscriptions.leadId, ids));
    expect(grants.map((g) => g.spentCount)).toEqual([1, 1, 1]);
    const sentTouchpoints = await t.db
      .select()
      .from(touchpoints)
      .where(and(inArray(touchpoints.leadId, ids), eq(touchpoints.type, 'message_sent')));
    expect(sentTouchpoints).toEqual([]);
    // The database is fine again and days pass: nothing is sent twice.
    t.clock.advance(2 * 86_400_000);
    expect((await runCampaignCron(t)).body.sent).toEqual({ subscribeMessage: 0, inAppMessage: 0 });
    for (const lead of leads) expect(await control.messages(lead.openid)).toHaveLength(1);
    expect((await rowsOf(ids)).map((r) => r.status)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('records the rest of the batch one by one when one send cannot be recorded', async () => {
    const { t, leads, control, rowsOf } = await setup(3);
    const [first, failing, last] = leads;
    if (!first || !failing || !last) throw new Error('three leads expected');
    const lift = await failMessageSentOf(t, [failing.id]);
    const run = await runCampaignCron(t);
    await lift();
    expect(run.body).toMatchObject({ sent: { subscribeMessage: 2 }, unknown: 1 });
    expect(run.body.unknownSends.map((u) => u.leadId)).toContain(failing.id);
    const statusOf = new Map((await rowsOf(leads.map((l) => l.id))).map((r) => [r.leadId, r.status]));
    expect([statusOf.get(first.id), statusOf.get(failing.id), statusOf.get(last.id)]).toEqual([
      'sent',
      'unknown',
      'sent',
    ]);
    t.clock.advance(2 * 86_400_000);
    await runCampaignCron(t);
    for (const lead of leads) expect(await control.messages(lead.openid)).toHaveLength(1);
  });
});
