/**
 * Issue 15 "a property test that the rollup answer equals the full-scan answer on generated data":
 * for every measure, the facts are cut into any partition, each part rolled up on its own, the
 * parts merged (in a tree, as partial aggregates from different days or workers would be), and the
 * finalised answer must equal the direct computation over all the data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../lifecycle/stages.js';
import {
  ATTRIBUTION_MODELS,
  computeAttribution,
  finaliseAttribution,
  listEnrolmentCredits,
  rollupAttribution,
} from './attribution.js';
import { addDays, toShanghaiDay } from './calendar.js';
import { computeEffectiveness, finaliseEffectiveness, listCohortEntries, toEffectivenessRow } from './effectiveness.js';
import { computeEfficiency, finaliseEfficiency, rollupCosts } from './efficiency.js';
import {
  type AnalyticsEnrolment,
  type AnalyticsLead,
  type AnalyticsTouchpoint,
  type AnalyticsTransition,
  COST_TARGET_KINDS,
  type CostEntry,
  SEGMENT_DIMENSIONS,
  type SegmentFilter,
} from './inputs.js';
import { buildRollupTable, mergeRollupTables, negateRollupTable, type RollupTable } from './rollup-table.js';
import { attachSegments } from './segment.js';
import { computeValue, finaliseValue, rollupValue } from './value.js';
import { computeVelocity, finaliseVelocity, listStageSteps, rollupVelocity } from './velocity.js';
import { computeVolume, finaliseVolume, rollupVolume } from './volume.js';

/** Half-hour steps from 15:00 UTC on 31 January (23:00 in Shanghai), so month ends in both zones come up often. */
const ORIGIN_MS = Date.UTC(2026, 0, 31, 15);
const HALF_HOUR_MS = 1_800_000;
const atStep = (steps: number) => new Date(ORIGIN_MS + steps * HALF_HOUR_MS).toISOString();
const FIRST_DAY = '2026-01-25';
const dayArb = fc.integer({ min: 0, max: 150 }).map((n) => addDays(FIRST_DAY, n));

const oneOf = <T>(...values: T[]) => fc.constantFrom(...values);
const segmentArb = fc.record({
  source: oneOf('wechat', 'fair', null),
  campaignId: oneOf('c1', 'c2', null),
  campusId: oneOf('k1', 'k2', null),
  courseId: oneOf('x', null),
});
// Gaps of 0 (moves at the same instant) up to 45 days, in half hours.
const gapArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 48 }), fc.integer({ min: 1, max: 45 * 48 }));

const leadHistoryArb = fc.record({
  segment: segmentArb,
  createdStep: fc.integer({ min: 0, max: 60 * 48 }),
  moves: fc.array(fc.record({ stage: oneOf(...LIFECYCLE_STAGES), gap: gapArb }), { maxLength: 10 }),
  touches: fc.array(
    fc.record({
      before: fc.integer({ min: -48, max: 50 * 48 }),
      channel: oneOf('wechat', 'moments', null),
      campaignId: oneOf('c1', 'c2', null),
    }),
    { maxLength: 6 },
  ),
  enrolments: fc.array(fc.record({ after: gapArb, amountFen: fc.integer({ min: 0, max: 2_000_000 }) }), {
    maxLength: 2,
  }),
});

interface Dataset {
  leads: AnalyticsLead[];
  transitions: AnalyticsTransition[];
  touchpoints: AnalyticsTouchpoint[];
  enrolments: AnalyticsEnrolment[];
  costs: CostEntry[];
}

/** Each lead: created, then a chain of moves (no move to the stage it is in), ordinals counted per stage. */
const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    histories: fc.array(leadHistoryArb, { maxLength: 12 }),
    costs: fc.array(
      fc.record({
        targetKind: oneOf(...COST_TARGET_KINDS),
        target: oneOf('c1', 'c2', 'c3', 'wechat', 'fair'),
        fromDay: dayArb,
        days: fc.integer({ min: 1, max: 60 }),
        amountFen: fc.integer({ min: 0, max: 1_000_000 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ histories, costs }) => {
    const data: Dataset = { leads: [], transitions: [], touchpoints: [], enrolments: [], costs: [] };
    histories.forEach((history, i) => {
      const leadId = `L${i}`;
      data.leads.push({ id: leadId, createdAt: atStep(history.createdStep), ...history.segment });
      const arrivals = new Map<LifecycleStage, number>();
      let stage: LifecycleStage | null = null;
      let step = history.createdStep;
      for (const move of history.moves) {
        if (move.stage === stage) continue;
        step += stage === null ? 0 : move.gap;
        const ordinal = (arrivals.get(move.stage) ?? 0) + 1;
        arrivals.set(move.stage, ordinal);
        data.transitions.push({ leadId, fromStage: stage, toStage: move.stage, ordinal, at: atStep(step) });
        stage = move.stage;
      }
      let enrolStep = step;
      history.enrolments.forEach((enrolment, j) => {
        enrolStep += enrolment.after;
        data.enrolments.push({ id: `${leadId}-E${j}`, leadId, amountFen: enrolment.amountFen, at: atStep(enrolStep) });
      });
      history.touches.forEach((touch, j) => {
        data.touchpoints.push({
          id: `${leadId}-T${j}`,
          leadId,
          occurredAt: atStep(step - touch.before),
          channel: touch.channel,
          campaignId: touch.campaignId,
        });
      });
    });
    data.costs = costs.map(({ days, ...cost }) => ({ ...cost, toDay: addDays(cost.fromDay, days - 1) }));
    return data;
  });

/** Days something happened on, the days either side, and any day: boundaries are where rollups go wrong. */
function listDataDays(data: Dataset): string[] {
  const instants = [
    ...data.leads.map((l) => l.createdAt),
    ...data.transitions.map((t) => t.at),
    ...data.enrolments.map((e) => e.at),
  ];
  const days = instants.map(toShanghaiDay).concat(data.costs.flatMap((c) => [c.fromDay, c.toDay]));
  return days.flatMap((day) => [addDays(day, -1), day, addDays(day, 1)]);
}
const dataDayArb = (data: Dataset) => {
  const days = listDataDays(data);
  return days.length === 0 ? dayArb : fc.oneof(fc.constantFrom(...days), dayArb);
};
const periodArb = (data: Dataset) =>
  fc
    .tuple(dataDayArb(data), dataDayArb(data))
    .map(([a, b]) => (a <= b ? { fromDay: a, toDay: b } : { fromDay: b, toDay: a }));
const filterArb: fc.Arbitrary<SegmentFilter | undefined> = fc.option(
  fc.record(
    { source: oneOf('wechat', 'fair', null), campaignId: oneOf('c1', null), campusId: oneOf('k1', 'k2', null) },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const groupByArb = fc.option(oneOf(...SEGMENT_DIMENSIONS), { nil: undefined });
/** Which part each fact goes to: `assignment[i % length] % parts`. */
const partitionArb = fc.record({
  parts: fc.integer({ min: 1, max: 5 }),
  assignment: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
});
type Partition = { parts: number; assignment: number[] };

/** Rolls up each part on its own and merges the partial tables pairwise, like a tree of workers. */
function rollupInParts<F, K extends Record<string, string | number | null>, V extends Record<string, number>>(
  facts: readonly F[],
  { parts, assignment }: Partition,
  rollup: (facts: F[]) => RollupTable<K, V>,
): RollupTable<K, V> {
  const chunks = Array.from({ length: parts }, () => [] as F[]);
  facts.forEach((fact, i) => {
    chunks[(assignment[i % assignment.length] ?? 0) % parts]?.push(fact);
  });
  let tables = chunks.map(rollup);
  while (tables.length > 1) {
    const next: RollupTable<K, V>[] = [];
    for (let i = 0; i < tables.length; i += 2) next.push(mergeRollupTables(...tables.slice(i, i + 2)));
    tables = next;
  }
  return tables[0] ?? buildRollupTable([]);
}

/** A generated data set with arbitraries that depend on it (periods around its days). */
function withData<R>(build: (data: Dataset) => fc.Arbitrary<R>): fc.Arbitrary<R & { data: Dataset }> {
  return datasetArb.chain((data) => build(data).map((rest) => ({ ...rest, data })));
}

const property = <T>(arb: fc.Arbitrary<T>, check: (value: T) => void) =>
  fc.assert(fc.property(arb, check), { numRuns: 150 });

const leadQueryArb = (data: Dataset) =>
  fc.record({ period: periodArb(data), filter: filterArb, groupBy: groupByArb, split: partitionArb });

/** New leads and enrolments are both facts of the value rollup: any part may hold either. */
function rollupValueInParts(data: Dataset, split: Partition) {
  const facts = [
    ...data.leads.map((lead) => ({ lead })),
    ...attachSegments(data.leads, data.enrolments).map((enrolment) => ({ enrolment })),
  ];
  return rollupInParts(facts, split, (part) =>
    rollupValue({
      leads: part.flatMap((f) => ('lead' in f ? [f.lead] : [])),
      enrolments: part.flatMap((f) => ('enrolment' in f ? [f.enrolment] : [])),
    }),
  );
}

describe('rollup → merge → finalise equals the full computation', () => {
  it('volume', () => {
    property(withData(leadQueryArb), ({ data, split, ...query }) => {
      const rollup = rollupInParts(attachSegments(data.leads, data.transitions), split, rollupVolume);
      expect(finaliseVolume(rollup, query)).toEqual(computeVolume(data, query));
    });
  });

  it('velocity', () => {
    property(withData(leadQueryArb), ({ data, split, groupBy: _, ...query }) => {
      const rollup = rollupInParts(listStageSteps(data.leads, data.transitions), split, rollupVelocity);
      expect(finaliseVelocity(rollup, query)).toEqual(computeVelocity(data, query));
    });
  });

  it('value', () => {
    property(withData(leadQueryArb), ({ data, split, ...query }) => {
      expect(finaliseValue(rollupValueInParts(data, split), query)).toEqual(computeValue(data, query));
    });
  });

  it('effectiveness, with conversions written as a retraction of the unconverted row plus the converted one', () => {
    const queryArb = (data: Dataset) =>
      fc.record({
        period: periodArb(data),
        filter: filterArb,
        groupBy: groupByArb,
        horizonDays: fc.integer({ min: 0, max: 60 }),
        asOfDay: dataDayArb(data),
        split: partitionArb,
      });
    property(withData(queryArb), ({ data, split, ...query }) => {
      // As the server would: a row at entry, and at conversion that row's negation and the converted row.
      const rows = listCohortEntries(data.leads, data.transitions).flatMap((entry) => {
        const converted = toEffectivenessRow(entry);
        if (entry.convertedAt === null) return [converted];
        const atEntry = toEffectivenessRow({ ...entry, convertedAt: null });
        return [atEntry, ...negateRollupTable(buildRollupTable([atEntry])).values(), converted];
      });
      const rollup = rollupInParts(rows, split, buildRollupTable);
      expect(finaliseEffectiveness(rollup, query)).toEqual(computeEffectiveness(data, query));
    });
  });

  it('efficiency', () => {
    const queryArb = (data: Dataset) =>
      fc.record({ period: periodArb(data), by: oneOf(...COST_TARGET_KINDS), split: partitionArb });
    property(withData(queryArb), ({ data, split, ...query }) => {
      const rollups = {
        costs: rollupInParts(data.costs, split, rollupCosts),
        value: rollupValueInParts(data, split),
        volume: rollupInParts(attachSegments(data.leads, data.transitions), split, rollupVolume),
      };
      expect(finaliseEfficiency(rollups, query)).toEqual(computeEfficiency(data, query));
    });
  });

  it('attribution, and credits always add up to the revenue', () => {
    const queryArb = (data: Dataset) =>
      fc.record({
        period: periodArb(data),
        model: oneOf(...ATTRIBUTION_MODELS),
        by: oneOf('channel' as const, 'campaign' as const),
        filter: filterArb,
        lookbackDays: fc.integer({ min: 1, max: 40 }),
        split: partitionArb,
      });
    property(withData(queryArb), ({ data, split, lookbackDays, ...query }) => {
      const rollup = rollupInParts(listEnrolmentCredits(data, lookbackDays), split, rollupAttribution);
      const result = finaliseAttribution(rollup, query);
      expect(result).toEqual(computeAttribution(data, { ...query, lookbackDays }));
      const credited = result.groups.reduce((sum, g) => sum + g.creditFen, 0);
      expect(credited + result.unattributedFen).toBe(result.revenueFen);
    });
  });
});
