/**
 * Volume (SPEC §2.6 "how many leads are in each stage, how many new"; issue 15 §1): per lifecycle
 * stage, the leads in it at the end of the period and the arrivals at it during the period (all
 * arrivals, and first arrivals — ordinal 1 — apart, so MQL-02 does not count as a new MQL).
 */
import { LIFECYCLE_STAGES, type LifecycleStage } from '../lifecycle/stages.js';
import { isDayInPeriod, type ShanghaiDay, toShanghaiDay } from './calendar.js';
import type { AnalyticsLead, AnalyticsQuery, AnalyticsTransition, LeadSegment } from './inputs.js';
import { buildRollupTable, type RollupRow, type RollupTable } from './rollup-table.js';
import {
  GroupAccumulator,
  type GroupKey,
  getGroupKey,
  getLead,
  groupTransitionsByLead,
  indexLeads,
  matchesSegmentFilter,
  pickSegment,
} from './segment.js';

export interface StageVolume {
  stage: LifecycleStage;
  /** Leads whose latest transition on or before the period's last day led here. */
  atEnd: number;
  /** Transitions into the stage during the period. */
  arrivals: number;
  /** Of those, first arrivals (ordinal 1). */
  firstArrivals: number;
}

export interface VolumeResult {
  groups: { group: GroupKey; stages: StageVolume[] }[];
}

/** A transition with its lead's segment: what the server has at hand when it records a move. */
export interface SegmentedTransition extends AnalyticsTransition {
  segment: LeadSegment;
}

export type VolumeRowKey = LeadSegment & { day: ShanghaiDay; stage: LifecycleStage };
export type VolumeRowValue = { arrivals: number; firstArrivals: number; departures: number };
export type VolumeRollup = RollupTable<VolumeRowKey, VolumeRowValue>;

/**
 * Volume computed directly from every transition (the full-scan reference): each lead's stage at
 * the end is the stage its latest transition on or before `period.toDay` led to.
 */
export function computeVolume(
  input: { leads: readonly AnalyticsLead[]; transitions: readonly AnalyticsTransition[] },
  query: AnalyticsQuery,
): VolumeResult {
  const leads = indexLeads(input.leads);
  const groups = new GroupAccumulator(createStageVolumes);
  for (const [leadId, transitions] of groupTransitionsByLead(input.transitions)) {
    const lead = getLead(leads, leadId);
    if (!matchesSegmentFilter(lead, query.filter)) continue;
    const stages = groups.get(getGroupKey(lead, query.groupBy));
    let stageAtEnd: LifecycleStage | null = null;
    for (const transition of transitions) {
      const day = toShanghaiDay(transition.at);
      if (day <= query.period.toDay) stageAtEnd = transition.toStage;
      if (!isDayInPeriod(day, query.period)) continue;
      stages[transition.toStage].arrivals += 1;
      if (transition.ordinal === 1) stages[transition.toStage].firstArrivals += 1;
    }
    if (stageAtEnd) stages[stageAtEnd].atEnd += 1;
  }
  return listVolumeGroups(groups, query);
}

/**
 * The rollup rows of one transition, written when it is recorded: an arrival (and a first arrival
 * at ordinal 1) at the stage it leads to and a departure from the stage it leaves, on its day.
 */
export function listVolumeRows(transition: SegmentedTransition): RollupRow<VolumeRowKey, VolumeRowValue>[] {
  const day = toShanghaiDay(transition.at);
  const segment = pickSegment(transition.segment);
  const rows = [
    {
      key: { ...segment, day, stage: transition.toStage },
      value: { arrivals: 1, firstArrivals: transition.ordinal === 1 ? 1 : 0, departures: 0 },
    },
  ];
  if (transition.fromStage !== null) {
    rows.push({
      key: { ...segment, day, stage: transition.fromStage },
      value: { arrivals: 0, firstArrivals: 0, departures: 1 },
    });
  }
  return rows;
}

export function rollupVolume(transitions: Iterable<SegmentedTransition>): VolumeRollup {
  return buildRollupTable([...transitions].flatMap(listVolumeRows));
}

/**
 * Volume from the rollup: leads at the end are all arrivals minus all departures up to the last
 * day (a lead's moves form one chain, so each lead adds exactly 1 to the stage it is in).
 */
export function finaliseVolume(rollup: VolumeRollup, query: AnalyticsQuery): VolumeResult {
  const groups = new GroupAccumulator(createStageVolumes);
  for (const { key, value } of rollup.values()) {
    if (key.day > query.period.toDay || !matchesSegmentFilter(key, query.filter)) continue;
    const stage = groups.get(getGroupKey(key, query.groupBy))[key.stage];
    stage.atEnd += value.arrivals - value.departures;
    if (key.day < query.period.fromDay) continue;
    stage.arrivals += value.arrivals;
    stage.firstArrivals += value.firstArrivals;
  }
  return listVolumeGroups(groups, query);
}

function createStageVolumes(): Record<LifecycleStage, StageVolume> {
  return Object.fromEntries(
    LIFECYCLE_STAGES.map((stage) => [stage, { stage, atEnd: 0, arrivals: 0, firstArrivals: 0 }]),
  ) as Record<LifecycleStage, StageVolume>;
}

function listVolumeGroups(groups: GroupAccumulator<Record<LifecycleStage, StageVolume>>, query: AnalyticsQuery) {
  const isZero = (stages: Record<LifecycleStage, StageVolume>) =>
    Object.values(stages).every((s) => s.atEnd === 0 && s.arrivals === 0 && s.firstArrivals === 0);
  return {
    groups: groups
      .list(query.groupBy !== undefined, isZero)
      .map(({ group, value }) => ({ group, stages: LIFECYCLE_STAGES.map((stage) => value[stage]) })),
  };
}
