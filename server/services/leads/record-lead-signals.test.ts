import { randomUUID } from 'node:crypto';
import { DEFAULT_SCORING_MODEL, type TouchpointEvent } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/index.js';
import {
  contentItems,
  leads,
  scoreLedger,
  scoringModels,
  stageTransitions,
  touchpoints,
} from '../../db/schema/index.js';
import { recordLeadSignals } from './record-lead-signals.js';

async function setup() {
  const t = await createTestApp();
  const [lead] = await t.db
    .insert(leads)
    .values({
      openid: `o_${randomUUID()}`,
      lifecycleStage: 'name',
      role: 'parent',
      gradeBand: 'primary',
      timeline: 'within_1_year',
    })
    .returning();
  const [article] = await t.db
    .insert(contentItems)
    .values({ title: '雅思备考指南', kind: 'article', topic: '雅思', journeyStage: 'considering' })
    .returning();
  if (!lead || !article) throw new Error('setup failed');
  return { t, lead, article };
}

/** Points as advisors read them; sums of decayed floats differ in the last bits. */
const round = (points: number) => Math.round(points * 1e6) / 1e6;

const view = (contentId: string, minutesAgo: number, now: Date): TouchpointEvent => ({
  id: randomUUID(),
  type: 'content_view',
  occurredAt: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
  contentId,
  props: { durationMs: 120_000 },
});

describe('recordLeadSignals', () => {
  it('stores new touchpoints once, moves the lead and writes its history in the same transaction', async () => {
    const { t, lead, article } = await setup();
    const now = t.clock.now();
    const events = [view(article.id, 5, now), view(article.id, 3, now)];
    const first = await t.db.transaction((tx) => recordLeadSignals(tx, { leadId: lead.id, signals: events, now }));
    expect(first).toMatchObject({ accepted: 2, duplicates: 0 });
    // Fit 34 (parent, primary, within a year) plus two reads crosses the MQL rule (40, fit ≥ 15).
    expect(first.lead.lifecycleStage).toBe('mql');
    expect(first.lead.journeyStage).toBe('considering');
    // score_total is a float4 copy for sorting: equal to the score at its precision.
    expect(first.lead.scoreTotal).toBeCloseTo(first.score.total, 3);

    const again = await t.db.transaction((tx) => recordLeadSignals(tx, { leadId: lead.id, signals: events, now }));
    expect(again).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(again.lead.scoreTotal).toBeCloseTo(first.lead.scoreTotal, 3);

    expect(await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, lead.id))).toHaveLength(2);
    const moves = await t.db.select().from(stageTransitions).where(eq(stageTransitions.leadId, lead.id));
    expect(moves.map((m) => `${m.model}:${m.toStage}:${m.ordinal}`).sort()).toEqual([
      'journey:considering:1',
      'lifecycle:engaged:1',
      'lifecycle:mql:1',
      'lifecycle:target:1',
    ]);
    const ledger = await t.db.select().from(scoreLedger).where(eq(scoreLedger.leadId, lead.id));
    expect(ledger.every((row) => events.some((e) => e.id === row.signalId))).toBe(true);
  });

  it('scores each batch by the model active at that moment, across activations', async () => {
    const { t, lead, article } = await setup();
    const now = t.clock.now();
    // The default model's content-view rule (3 points a read, 0.5 a minute) with other base points.
    const readingFor = (version: number, points: number) => ({
      ...DEFAULT_SCORING_MODEL,
      version,
      engagement: {
        ...DEFAULT_SCORING_MODEL.engagement,
        rules: DEFAULT_SCORING_MODEL.engagement.rules.map((rule) =>
          rule.id === 'content-view' ? { ...rule, points } : rule,
        ),
      },
    });
    const readPoints = async (minutesAgo: number) => {
      const event = view(article.id, minutesAgo, now);
      await t.db.transaction((tx) => recordLeadSignals(tx, { leadId: lead.id, signals: [event], now }));
      const rows = await t.db.select().from(scoreLedger).where(eq(scoreLedger.signalId, event.id));
      return rows.filter((row) => row.ruleId === 'content-view').map((row) => [row.modelVersion, round(row.points)]);
    };
    const activate = async (version: number, points: number) => {
      await t.db.update(scoringModels).set({ isActive: false });
      await t.db.insert(scoringModels).values({
        version,
        name: `v${version}`,
        document: readingFor(version, points),
        isActive: true,
      });
    };
    // Two minutes of reading: 1 point on top of the rule's base.
    expect(await readPoints(50)).toEqual([[DEFAULT_SCORING_MODEL.version, 4]]);
    await activate(10, 7);
    expect(await readPoints(40)).toEqual([[10, 8]]);
    expect(await readPoints(30)).toEqual([[10, 8]]);
    await activate(11, 11);
    expect(await readPoints(20)).toEqual([[11, 12]]);
    await t.db.update(scoringModels).set({ isActive: false });
    expect(await readPoints(10)).toEqual([[DEFAULT_SCORING_MODEL.version, 4]]);
  });

  it('counts an event id once when two copies arrive at the same time', async () => {
    const { t, lead, article } = await setup();
    const now = t.clock.now();
    const events = Array.from({ length: 10 }, (_, i) => view(article.id, 30 - i, now));
    const results = await Promise.all(
      [0, 1, 2, 3].map(() =>
        t.db.transaction((tx) => recordLeadSignals(tx, { leadId: lead.id, signals: events, now })),
      ),
    );
    expect(results.reduce((sum, r) => sum + r.accepted, 0)).toBe(10);
    expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(30);
    const ledger = await t.db.select().from(scoreLedger).where(eq(scoreLedger.leadId, lead.id));
    expect(new Set(ledger.map((r) => r.signalId)).size).toBeLessThanOrEqual(10);
  });

  it('refuses an unknown or erased lead and writes nothing', async () => {
    const { t, lead, article } = await setup();
    const now = t.clock.now();
    await t.db.update(leads).set({ erasedAt: now }).where(eq(leads.id, lead.id));
    for (const leadId of [lead.id, randomUUID()]) {
      await expect(
        t.db.transaction((tx) => recordLeadSignals(tx, { leadId, signals: [view(article.id, 1, now)], now })),
      ).rejects.toMatchObject({ code: 'unauthenticated' });
    }
    expect(await t.db.select().from(touchpoints)).toHaveLength(0);
  });
});
