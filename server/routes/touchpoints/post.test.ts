import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createContentWithFile,
  createTestApp,
  expectError,
  logInAs,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { leads, scoreLedger, stageTransitions, touchpoints } from '../../db/schema/index.js';

function pageView(t: TestApp, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    type: 'page_view',
    occurredAt: t.clock.now().toISOString(),
    props: { page: '/pages/index/index', durationMs: 90_000 },
    ...overrides,
  };
}

async function setup() {
  const t = await createTestApp();
  const me = await logInAs(t, `p${randomUUID().slice(0, 8)}`);
  const post = (json: unknown, token: string | null = me.token) =>
    t.request<{ accepted: number; duplicates: number; ignored: number }>('/api/touchpoints', {
      method: 'POST',
      json,
      ...(token ? { token } : {}),
    });
  return { t, me, post };
}

describe('POST /api/touchpoints', () => {
  it('stores a batch, moves the lead and counts duplicates', async () => {
    const { t, me, post } = await setup();
    const events = [pageView(t), pageView(t), pageView(t, { type: 'share', props: { page: '/pages/index/index' } })];
    const first = await post({ events });
    expect(first.body).toEqual({ accepted: 3, duplicates: 0, ignored: 0 });
    const second = await post({ events: [...events, pageView(t)] });
    expect(second.body).toEqual({ accepted: 1, duplicates: 3, ignored: 0 });

    expect(await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, me.leadId))).toHaveLength(4);
    const [lead] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    expect(lead?.lifecycleStage).toBe('engaged');
    expect(lead?.scoreTotal).toBeGreaterThan(0);
    const moves = await t.db.select().from(stageTransitions).where(eq(stageTransitions.leadId, me.leadId));
    // Same-instant events apply in id order: a share first goes straight to engaged, a page view
    // first passes through friend. Either way the lead ends engaged and exploring.
    expect(moves.map((m) => `${m.model}:${m.toStage}`)).toEqual(
      expect.arrayContaining(['lifecycle:awareness', 'lifecycle:engaged', 'journey:exploring']),
    );
    expect((await t.db.select().from(scoreLedger).where(eq(scoreLedger.leadId, me.leadId))).length).toBeGreaterThan(0);
  });

  it('counts an id once when the same batch arrives twice at the same time', async () => {
    const { t, post } = await setup();
    const events = Array.from({ length: 20 }, () => pageView(t));
    const replies = await Promise.all([post({ events }), post({ events }), post({ events })]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies.reduce((s, r) => s + r.body.accepted, 0)).toBe(20);
    expect(replies.reduce((s, r) => s + r.body.duplicates, 0)).toBe(40);
    expect(await t.db.select().from(touchpoints)).toHaveLength(20);
  });

  it("takes another prospect's event id as new: ids are per lead, and nobody learns they exist", async () => {
    const { t, me, post } = await setup();
    const other = await logInAs(t, `q${randomUUID().slice(0, 8)}`);
    const shared = pageView(t);
    expect((await post({ events: [shared] }, other.token)).body).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
    // The same answer as for an id nobody ever sent; the other prospect's row is untouched.
    expect((await post({ events: [shared] })).body).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
    expect((await post({ events: [shared] })).body).toEqual({ accepted: 0, duplicates: 1, ignored: 0 });
    const rows = await t.db.select().from(touchpoints).where(eq(touchpoints.id, shared.id));
    expect(rows.map((r) => r.leadId).sort()).toEqual([me.leadId, other.leadId].sort());
  });

  it('ignores a device-reported download of gated content and stores the rest of the batch', async () => {
    const { t, me, post } = await setup();
    const gated = await createContentWithFile(t, { title: '白皮书', isGated: true });
    const open = await createContentWithFile(t, { title: '指南', isGated: false });
    const report = (contentId: string) => pageView(t, { type: 'content_download', contentId, props: {} });
    const res = await post({ events: [report(gated.content.id), report(open.content.id), pageView(t)] });
    expect(res.body).toEqual({ accepted: 2, duplicates: 0, ignored: 1 });
    const stored = await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, me.leadId));
    expect(stored.map((r) => r.contentId).filter((id) => id !== null)).toEqual([open.content.id]);
    // Only the ungated download scored.
    const ledger = await t.db.select().from(scoreLedger).where(eq(scoreLedger.leadId, me.leadId));
    expect(ledger.filter((e) => e.ruleId === 'content-download').map((e) => e.signalCount)).toEqual([1]);
  });

  const badBodies: [string, (t: TestApp) => unknown, string][] = [
    ['no events', () => ({ events: [] }), 'events'],
    ['101 events', (t) => ({ events: Array.from({ length: 101 }, () => pageView(t)) }), 'events'],
    ['unknown type', (t) => ({ events: [pageView(t, { type: 'teleport' })] }), 'events.0.type'],
    [
      'server-only type',
      (t) => ({ events: [pageView(t, { type: 'enrolled', props: { courseId: randomUUID(), amountFen: 980_000 } })] }),
      'events.0.type',
    ],
    ['id not a UUID', (t) => ({ events: [pageView(t, { id: 'abc' })] }), 'events.0.id'],
    ['bad time', (t) => ({ events: [pageView(t, { occurredAt: 'yesterday' })] }), 'events.0.occurredAt'],
    ['props of the wrong type', (t) => ({ events: [pageView(t, { props: { page: 5 } })] }), 'events.0.props.page'],
    [
      'a day in the future',
      (t) => ({
        events: [pageView(t, { occurredAt: new Date(t.clock.now().getTime() + 2 * 86_400_000).toISOString() })],
      }),
      'events.0.occurredAt',
    ],
    ['not an object', () => [1, 2, 3], ''],
  ];
  it.each(badBodies)('%s → 400 naming the field, nothing written', async (_label, body, field) => {
    const { t, post } = await setup();
    const res = await post(body(t));
    const error = expectError(res, 400, 'validation_failed');
    expect(error.message).toContain(field);
    expect(await t.db.select().from(touchpoints)).toHaveLength(0);
  });

  it('refuses a body over 256 KB with 413', async () => {
    const { t, me } = await setup();
    const body = JSON.stringify({ events: [pageView(t)], padding: 'x'.repeat(300 * 1024) });
    const res = await t.request('/api/touchpoints', {
      method: 'POST',
      body,
      token: me.token,
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 413, 'payload_too_large');
    expect(await t.db.select().from(touchpoints)).toHaveLength(0);
  });

  it('needs a valid token', async () => {
    const { t, post } = await setup();
    expectError(await post({ events: [pageView(t)] }, null), 401, 'unauthenticated');
    expectError(await post({ events: [pageView(t)] }, 'not-a-token'), 401, 'unauthenticated');
    expect(await t.db.select().from(touchpoints)).toHaveLength(0);
  });

  it('rate-limits one lead', async () => {
    const { t, post } = await setup();
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) statuses.push((await post({ events: [pageView(t)] })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });
});
