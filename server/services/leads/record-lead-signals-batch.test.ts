import { randomUUID } from 'node:crypto';
import type { ScoringSignal } from '@scrm/shared';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/index.js';
import { leads, scoreLedger, stageTransitions, touchpoints } from '../../db/schema/index.js';
import { recordLeadSignals } from './record-lead-signals.js';
import { recordLeadSignalsBatch } from './record-lead-signals-batch.js';

type LeadValues = Partial<typeof leads.$inferInsert>;

/** Two leads alike in everything the domain reads, with the same earlier touchpoints. */
async function createTwins(t: TestApp, values: LeadValues, history: readonly ScoringSignal[]) {
  const createdAt = new Date(t.clock.now().getTime() - 3 * 86_400_000);
  const twin = async (i: number) => {
    const [lead] = await t.db
      .insert(leads)
      .values({
        openid: `o_${randomUUID()}`,
        lifecycleStage: 'engaged',
        journeyStage: 'exploring',
        role: 'parent',
        createdAt,
        lifecycleStageAt: createdAt,
        journeyStageAt: createdAt,
        updatedAt: createdAt,
        ...values,
        ...(values.phone ? { phone: `${values.phone}${i}` } : {}),
      })
      .returning({ id: leads.id });
    if (!lead) throw new Error('no lead');
    if (history.length > 0) {
      await t.db.insert(touchpoints).values(
        history.map((s) => ({
          id: s.id,
          leadId: lead.id,
          type: s.type,
          occurredAt: new Date(s.occurredAt),
          receivedAt: new Date(s.occurredAt),
          props: 'props' in s ? (s.props as Record<string, unknown>) : {},
        })),
      );
    }
    return lead.id;
  };
  return [await twin(0), await twin(1)] as const;
}

const without = <T extends Record<string, unknown>>(row: T, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));

/** Everything recording wrote for a lead, without what differs between twins by construction. */
async function snapshot(t: TestApp, leadId: string) {
  const [lead] = await t.db.select().from(leads).where(eq(leads.id, leadId));
  const ledger = await t.db
    .select()
    .from(scoreLedger)
    .where(eq(scoreLedger.leadId, leadId))
    .orderBy(asc(scoreLedger.ruleId));
  const transitions = await t.db
    .select()
    .from(stageTransitions)
    .where(eq(stageTransitions.leadId, leadId))
    .orderBy(asc(stageTransitions.ordinal), asc(stageTransitions.model));
  const stored = await t.db
    .select()
    .from(touchpoints)
    .where(eq(touchpoints.leadId, leadId))
    .orderBy(asc(touchpoints.id));
  return {
    lead: without(lead ?? {}, ['id', 'openid', 'phone']),
    ledger: ledger.map((r) => without(r, ['id', 'leadId'])),
    transitions: transitions.map((r) => without(r, ['id', 'leadId', 'seq'])),
    touchpoints: stored.map((r) => without(r, ['leadId'])),
  };
}

const at = (t: TestApp, minutesAgo: number) => new Date(t.clock.now().getTime() - minutesAgo * 60_000).toISOString();

describe('recordLeadSignalsBatch', () => {
  it('writes for each lead exactly what recordLeadSignals writes, on the set-wise and the full path', async () => {
    const t = await createTestApp();
    const now = t.clock.now();
    const history: ScoringSignal[] = [
      { id: randomUUID(), type: 'page_view', occurredAt: at(t, 600), props: { page: '/pages/index/index' } },
    ];
    const signals = (): ScoringSignal[] => [
      {
        id: randomUUID(),
        type: 'message_sent',
        occurredAt: at(t, 0),
        channel: 'subscribe_message',
        campaignId: randomUUID(),
        props: { templateId: 'tpl', status: 'ok' },
      },
      {
        id: randomUUID(),
        type: 'message_sent',
        occurredAt: at(t, 1),
        channel: 'sms',
        props: { templateId: 'crm', status: 'ok' },
      },
      { id: randomUUID(), type: 'page_view', occurredAt: at(t, 2), props: { page: '/pages/course/index' } },
    ];
    const cases: { name: string; values: LeadValues; history: ScoringSignal[] }[] = [
      // No score state yet: rebuilt from the stored history first.
      { name: 'rebuilt', values: {}, history },
      { name: 'no history', values: { lifecycleStage: 'name' }, history: [] },
      // Contactable and held by nobody: routing decides, so the full path.
      { name: 'awaiting an owner', values: { phone: '1380000000' }, history },
    ];
    const pairs: ((typeof cases)[number] & { twins: readonly [string, string]; signals: ScoringSignal[] })[] = [];
    for (const c of cases) pairs.push({ ...c, twins: await createTwins(t, c.values, c.history), signals: signals() });
    const batch = await t.db.transaction((tx) =>
      recordLeadSignalsBatch(tx, {
        items: pairs.map((p) => ({ leadId: p.twins[0], signals: p.signals })),
        now,
      }),
    );
    expect(batch).toEqual({ accepted: 9, duplicates: 0, goneLeadIds: [] });
    for (const pair of pairs) {
      await t.db.transaction((tx) => recordLeadSignals(tx, { leadId: pair.twins[1], signals: pair.signals, now }));
      const [batched, single] = [await snapshot(t, pair.twins[0]), await snapshot(t, pair.twins[1])];
      expect(batched, pair.name).toEqual(single);
      expect(batched.touchpoints, pair.name).toHaveLength(pair.history.length + 3);
    }
  }, 120_000);

  it('writes nothing twice, and nothing for an erased lead', async () => {
    const t = await createTestApp();
    const now = t.clock.now();
    const [live, erased] = await createTwins(t, {}, []);
    await t.db.update(leads).set({ erasedAt: now }).where(eq(leads.id, erased));
    const sent = (leadId: string) => ({
      leadId,
      signals: [
        {
          id: randomUUID(),
          type: 'message_sent',
          occurredAt: now.toISOString(),
          channel: 'in_app_message',
          props: { templateId: 'tpl', status: 'ok' },
        } satisfies ScoringSignal,
      ],
    });
    const items = [sent(live), sent(erased)];
    const first = await t.db.transaction((tx) => recordLeadSignalsBatch(tx, { items, now }));
    expect(first).toEqual({ accepted: 1, duplicates: 0, goneLeadIds: [erased] });
    const again = await t.db.transaction((tx) => recordLeadSignalsBatch(tx, { items, now }));
    expect(again).toEqual({ accepted: 0, duplicates: 1, goneLeadIds: [erased] });
    expect(await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, live))).toHaveLength(1);
    expect(await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, erased))).toEqual([]);
  });
});
