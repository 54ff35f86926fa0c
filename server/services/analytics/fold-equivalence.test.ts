/**
 * Issue 15 "a property test that the rollup answer equals the full-scan answer on generated
 * data", through the database: generated histories are written, folded in two runs — with moves
 * and touches recorded late (after the first fold, though they happened before it) and leads
 * moved to another campus or source between the runs, so the second fold must retract and re-add
 * — and every measure the API answers from the rollups must equal shared/analytics' direct
 * computation over the raw rows read back from the same database.
 */
import {
  ATTRIBUTION_MODELS,
  type CostEntry,
  computeAttribution,
  computeEffectiveness,
  computeEfficiency,
  computeValue,
  computeVelocity,
  computeVolume,
  LIFECYCLE_STAGES,
  type LifecycleStage,
  SEGMENT_DIMENSIONS,
  toShanghaiDay,
} from '@scrm/shared';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertLeadHistory, loadAnalyticsInputs } from '../../../tests/helpers/analytics.js';
import {
  createTestApp,
  createTestCampus,
  createTestCourse,
  createTestStaff,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { leads, marketingCosts } from '../../db/schema/index.js';
import { foldAnalytics } from './fold-analytics.js';

const ORIGIN_MS = Date.UTC(2026, 0, 31, 15);
const HOUR_MS = 3_600_000;
const atHour = (hours: number) => new Date(ORIGIN_MS + hours * HOUR_MS).toISOString();
/** The first fold runs here (day 60), the second after everything (day 200). */
const FIRST_FOLD_HOURS = 60 * 24;
const LATE_HOURS = 190 * 24;
const SECOND_FOLD_HOURS = 200 * 24;

const oneOf = <T>(...values: T[]) => fc.constantFrom(...values);
const gapArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 40 * 24 }));
const historyArb = fc.record({
  source: oneOf('wechat', 'fair', null),
  campaignId: oneOf('c1', 'c2', null),
  campus: oneOf<0 | 1 | null>(0, 1, null),
  createdHours: fc.integer({ min: 0, max: 100 * 24 }),
  moves: fc.array(fc.record({ stage: oneOf(...LIFECYCLE_STAGES), gap: gapArb, late: fc.boolean() }), {
    minLength: 1,
    maxLength: 7,
  }),
  touches: fc.array(
    fc.record({
      before: fc.integer({ min: -24, max: 40 * 24 }),
      channel: oneOf('wechat', 'moments', null),
      campaignId: oneOf('c1', 'c2', null),
      late: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  enrolments: fc.array(fc.record({ after: gapArb, amountFen: fc.integer({ min: 1, max: 2_000_000 }) }), {
    maxLength: 2,
  }),
  /** Between the folds: moved to the other campus, or its source corrected. */
  change: oneOf('none', 'campus', 'source'),
});
type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;
const costArb = fc.record({
  targetKind: oneOf('campaign' as const, 'channel' as const),
  target: oneOf('c1', 'c2', 'wechat', 'fair'),
  fromDay: oneOf('2026-01-20', '2026-02-14', '2026-03-31'),
  toDay: oneOf('2026-04-01', '2026-05-30'),
  amountFen: fc.integer({ min: 0, max: 1_000_000 }),
});

async function writeHistories(t: TestApp, histories: History[]) {
  const campuses = [await createTestCampus(t), await createTestCampus(t)];
  const course = await createTestCourse(t);
  const campusId = (i: 0 | 1 | null) => (i === null ? null : (campuses[i]?.id ?? null));
  const ids: string[] = [];
  for (const h of histories) {
    let hours = h.createdHours;
    let previous: LifecycleStage | null = null;
    const moves: { stage: LifecycleStage; at: string; recordedAt: string }[] = [];
    for (const move of h.moves) {
      if (move.stage === previous) continue;
      hours += previous === null ? 0 : move.gap;
      moves.push({ stage: move.stage, at: atHour(hours), recordedAt: atHour(move.late ? LATE_HOURS : hours) });
      previous = move.stage;
    }
    const enrolments = h.enrolments.map((e) => {
      hours += e.after;
      return { at: atHour(hours), amountFen: e.amountFen, courseId: course.id };
    });
    const touches = h.touches.map((touch) => {
      const at = Math.max(0, hours - touch.before);
      return {
        at: atHour(at),
        receivedAt: atHour(touch.late ? LATE_HOURS : at),
        channel: touch.channel,
        campaignId: touch.campaignId,
      };
    });
    ids.push(
      await insertLeadHistory(t, {
        source: h.source,
        campaignId: h.campaignId,
        campusId: campusId(h.campus),
        createdAt: atHour(h.createdHours),
        moves,
        touches,
        enrolments,
      }),
    );
  }
  return { ids, otherCampus: (i: 0 | 1 | null) => campusId(i === 0 ? 1 : 0) };
}

describe('the folded rollups answer as a full scan of the raw history', () => {
  it('for every measure, after late facts and segment changes between two folds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(historyArb, { minLength: 1, maxLength: 6 }),
        fc.array(costArb, { maxLength: 2 }),
        oneOf(undefined, ...SEGMENT_DIMENSIONS),
        async (histories, costs, groupBy) => {
          const t = await createTestApp({ now: atHour(FIRST_FOLD_HOURS) });
          const { ids, otherCampus } = await writeHistories(t, histories);
          const now = new Date(atHour(FIRST_FOLD_HOURS));
          for (const cost of costs)
            await t.db.insert(marketingCosts).values({ ...cost, createdAt: now, updatedAt: now });
          await foldAnalytics({ db: t.db, now: t.clock.now }, { settled: true });
          for (const [i, h] of histories.entries()) {
            const id = ids[i] ?? '';
            if (h.change === 'campus')
              await t.db
                .update(leads)
                .set({ campusId: otherCampus(h.campus) })
                .where(eq(leads.id, id));
            if (h.change === 'source') await t.db.update(leads).set({ source: 'referral' }).where(eq(leads.id, id));
          }
          t.clock.set(atHour(SECOND_FOLD_HOURS));
          const second = await foldAnalytics({ db: t.db, now: t.clock.now }, { settled: true });
          expect(second.rebuilt).toBe(false);
          const manager = await createTestStaff(t, { role: 'manager', isAllCampuses: true });

          const input = await loadAnalyticsInputs(t);
          const costEntries: CostEntry[] = costs;
          const get = async (path: string) => {
            const res = await t.request<Record<string, unknown>>(`/api/staff/analytics/${path}`, {
              token: manager.token,
            });
            expect(res.status).toBe(200);
            const { updatedAt: _updatedAt, lookbackDays: _lookback, ...body } = res.body;
            return body;
          };
          // Whole months and a partial one (monthly checkpoints and daily rows read together),
          // a period with no whole month (daily rows only, but whole months before it), and one
          // that is a whole month (checkpoints only, for the period and everything before it).
          for (const period of [
            { fromDay: '2026-01-25', toDay: '2026-08-31' },
            { fromDay: '2026-02-14', toDay: '2026-03-31' },
            { fromDay: '2026-03-03', toDay: '2026-04-27' },
            { fromDay: '2026-04-01', toDay: '2026-04-30' },
          ]) {
            const q = `fromDay=${period.fromDay}&toDay=${period.toDay}`;
            const g = groupBy ? `&groupBy=${groupBy}` : '';
            expect(await get(`volume?${q}${g}`)).toEqual(computeVolume(input, { period, groupBy }));
            expect(await get(`velocity?${q}`)).toEqual({ series: computeVelocity(input, { period }) });
            // Filtered by a source, whole months come from the segmented checkpoint, not the campus one.
            expect(await get(`velocity?${q}&source=wechat`)).toEqual({
              series: computeVelocity(input, { period, filter: { source: 'wechat' } }),
            });
            expect(await get(`value?${q}${g}`)).toEqual({ groups: computeValue(input, { period, groupBy }) });
            expect(await get(`effectiveness?${q}${g}&horizonDays=30`)).toEqual({
              groups: computeEffectiveness(input, {
                period,
                groupBy,
                horizonDays: 30,
                asOfDay: toShanghaiDay(t.clock.now().toISOString()),
              }),
            });
            for (const by of ['campaign', 'channel'] as const) {
              expect(await get(`efficiency?${q}&by=${by}`)).toEqual({
                targets: computeEfficiency({ ...input, costs: costEntries }, { period, by }),
              });
            }
            for (const model of ATTRIBUTION_MODELS) {
              for (const by of ['channel', 'campaign'] as const) {
                expect(await get(`attribution?${q}&model=${model}&by=${by}`)).toEqual(
                  computeAttribution(input, { period, model, by, lookbackDays: 30 }),
                );
              }
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});
