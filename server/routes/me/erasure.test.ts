/**
 * Erasure leaves no personal data anywhere (issue 8 item 6): after `DELETE /api/me`, the erased
 * person's name, phone and openid are searched for in every text and JSON column of every table
 * the database catalogue lists, so a table or column added later is searched too.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  getTestDatabase,
  logInAs,
  registerThroughApi,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { quoteIdentifier } from '../../db/client.js';
import { leadDuplicates, leads, messageOutbox, touchpoints } from '../../db/schema/index.js';
import { recordLeadSignals } from '../../services/leads/record-lead-signals.js';

beforeAll(() => getTestDatabase());

/** Both drivers answer a raw `execute` with `{ rows }` (ADR 003). */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Every (table, column) of the current schema whose values are text, by the catalogue. */
async function listTextColumns(t: TestApp): Promise<{ table: string; column: string }[]> {
  const result = await t.db.execute(sql`
    select table_name as "table", column_name as "column"
    from information_schema.columns
    where table_schema = current_schema()
      and data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
      and table_name not like '\\_\\_%'
    order by table_name, column_name`);
  return rowsOf<{ table: string; column: string }>(result);
}

/** Where `needle` occurs: `table.column` → rows. */
async function findEverywhere(t: TestApp, needle: string): Promise<Record<string, number>> {
  const hits: Record<string, number> = {};
  for (const { table, column } of await listTextColumns(t)) {
    const result = await t.db.execute(
      sql`select count(*)::int as n from ${sql.raw(quoteIdentifier(table))} where strpos(${sql.raw(quoteIdentifier(column))}::text, ${needle}) > 0`,
    );
    const n = Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
    if (n > 0) hits[`${table}.${column}`] = n;
  }
  return hits;
}

const event = (t: TestApp, type: string, fields: Record<string, unknown>) => ({
  id: randomUUID(),
  type,
  occurredAt: t.clock.now().toISOString(),
  ...fields,
});

describe('DELETE /api/me erases the person from every table (issue 8 item 6)', () => {
  it('leaves no name, phone or openid in any text or JSON column', async () => {
    const t = await createTestApp();
    const login = `e${randomUUID().slice(0, 8)}`;
    const name = `测试${randomUUID().slice(0, 4)}`;
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    // The same person arrived first on an offline list: a lead without openid, with a history.
    const [offline] = await t.db
      .insert(leads)
      .values({ name, phone, source: 'import', createdAt: new Date(t.clock.now().getTime() - 86_400_000) })
      .returning();
    if (!offline) throw new Error('setup failed');
    await t.db.transaction((tx) =>
      recordLeadSignals(tx, {
        leadId: offline.id,
        signals: [event(t, 'consultation_request', { props: { topic: `展会咨询 ${name} ${phone}` } }) as never],
        now: t.clock.now(),
      }),
    );
    const me = await logInAs(t, login);
    await registerThroughApi(t, me.token, { name, phone, city: '上海', campaignId: `c-${phone}` });
    // WeChat verifies the number: the offline lead is absorbed (ADR 010).
    expect(
      (await t.request('/api/auth/phone', { method: 'POST', token: me.token, json: { code: `phone-${phone}` } }))
        .status,
    ).toBe(200);
    expect((await t.db.select().from(leads).where(eq(leads.id, offline.id)))[0]?.mergedIntoLeadId).toBe(me.leadId);
    const ingest = await t.request('/api/touchpoints', {
      method: 'POST',
      token: me.token,
      json: {
        events: [
          event(t, 'consultation_request', { props: { topic: `我是${name}，电话${phone}` } }),
          event(t, 'page_view', {
            referrer: `https://example.com/share?name=${encodeURIComponent(name)}&tel=${phone}`,
            props: { page: `/pages/register/index?name=${name}&phone=${phone}` },
          }),
          event(t, 'share', { props: { page: `/pages/index/index?from=${phone}` } }),
          event(t, 'unsubscribe', { props: { reason: `${name}不需要了` } }),
          event(t, 'subscribe_accept', { props: { templateId: 'tpl-welcome' } }),
        ],
      },
    });
    expect(ingest.status).toBe(200);
    // An advisor's note about the lead, and a personalised message that WeChat refused.
    await t.db.transaction((tx) =>
      recordLeadSignals(tx, {
        leadId: me.leadId,
        signals: [
          event(t, 'advisor_note', {
            props: { advisorId: randomUUID(), note: `${name} 说下周来，手机 ${phone}` },
          }) as never,
        ],
        now: t.clock.now(),
      }),
    );
    await t.db.insert(messageOutbox).values({
      campaignId: 'welcome',
      stepId: 'day-1',
      leadId: me.leadId,
      templateId: 'tpl-welcome',
      payload: { touser: me.openid, data: { thing1: { value: name } } },
      status: 'failed',
      lastError: `43101 for ${me.openid}`,
      scheduledAt: t.clock.now(),
    });
    const [other] = await t.db
      .insert(leads)
      .values({ openid: `o_other_${login}` })
      .returning();
    await t.db.insert(leadDuplicates).values({
      leadId: me.leadId,
      duplicateOfLeadId: other?.id ?? '',
      reason: 'different-wechat-users',
      detectedAt: t.clock.now(),
    });

    const needles = { name, phone, openid: me.openid };
    // The search finds them before erasure, in the places the outside test found them and more.
    const before = await findEverywhere(t, phone);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['leads.phone', 'touchpoints.props', 'touchpoints.referrer', 'touchpoints.campaign_id']),
    );
    expect(Object.keys(await findEverywhere(t, needles.openid))).toEqual(
      expect.arrayContaining(['leads.openid', 'message_outbox.payload', 'message_outbox.last_error']),
    );

    const res = await t.request('/api/me', { method: 'DELETE', token: me.token });
    expect(res.status).toBe(200);
    for (const [label, needle] of Object.entries(needles)) {
      expect({ label, hits: await findEverywhere(t, needle) }).toEqual({ label, hits: {} });
    }
    // The anonymous history stays, still readable as events (the page path is kept for counts).
    const kept = await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, me.leadId));
    expect(kept.find((r) => r.type === 'page_view')?.props).toMatchObject({ page: '/pages/register/index' });
    expect(kept.find((r) => r.type === 'advisor_note')?.props).toMatchObject({ note: '[已删除]' });
    expect(await t.db.select().from(leadDuplicates)).toEqual([]);
    expect((await t.db.select().from(leads).where(eq(leads.id, offline.id)))[0]?.erasedAt).not.toBeNull();
  }, 120_000);
});
