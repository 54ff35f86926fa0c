/**
 * `recordLeadSignals` for many leads in the caller's transaction, set-wise (issue 13 §5: the
 * campaign runner records a batch's `message_sent` touchpoints in one transaction). The leads are
 * locked in one statement and each lead's signals are run through the same domain call
 * (`advanceLead`) against the same state; what that writes for a lead whose batch asks nothing
 * more of the signal path (no scanned channel code, no content stage, no grant answer, no
 * ownership change, no routing) is written in a few statements for all such leads. Every other
 * lead goes through `recordLeadSignals` itself, one at a time, so its rules stay in one place:
 * this file only takes the path where they all say "nothing else to do".
 */
import {
  advanceLead,
  buildScoreState,
  DEFAULT_JOURNEY_MODEL,
  isProspectActivity,
  parseScene,
  type ScoringModel,
  type ScoringSignal,
} from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import {
  listTouchpointsOfLeads,
  lockLeadsWithTouchpointIds,
  saveLeadsProgress,
} from '../../db/queries/lead-signals-batch.js';
import type { LeadRow, LeadUpdate, ScoreLedgerInsert, StageTransitionInsert } from '../../db/queries/leads.js';
import { insertNewTouchpoints, type TouchpointInsert } from '../../db/queries/touchpoints.js';
import { findScoreState, toLeadDomainState, toLeadProgressColumns } from './lead-domain-state.js';
import { isLiveLead } from './lead-guards.js';
import { toLeadHistoryRows } from './lead-history-rows.js';
import { toTouchpointEvent } from './rebuild-score-state.js';
import { getActiveScoringModel, recordLeadSignals } from './record-lead-signals.js';

export interface LeadSignalsBatchResult {
  accepted: number;
  duplicates: number;
  /** Leads erased, merged away or missing: nothing was written for them (`recordLeadSignals` would throw). */
  goneLeadIds: string[];
}

type PlainSignal = Exclude<ScoringSignal, { type: 'advisor_return' }>;

/** A signal the set-wise path writes exactly as `recordLeadSignals` would, with nothing else to decide. */
function isPlain(signal: ScoringSignal): signal is PlainSignal {
  if (signal.type === 'advisor_return' || signal.type === 'subscribe_accept' || signal.type === 'subscribe_reject')
    return false;
  // A scene is attributed to its channel; a content item's stage moves the journey: the full path reads both.
  return (signal.channel === undefined || !parseScene(signal.channel).ok) && signal.contentId === undefined;
}

/** The ownership columns `toLeadProgressColumns` writes only when the owner or a nurture hold changed. */
const OWNERSHIP_COLUMNS = ['ownerAdvisorId', 'ownerAssignedAt', 'ownerAcceptedAt', 'slaDueAt', 'nurtureHoldSince'];

interface PlannedLead {
  leadId: string;
  touchpoints: TouchpointInsert[];
  update: LeadUpdate;
  transitions: StageTransitionInsert[];
  ledger: ScoreLedgerInsert[];
}

/**
 * What the set-wise path writes for one lead, or `null` when the lead needs the full path: the
 * domain moved its owner or nurture hold, or left it contactable with nobody holding it (routing
 * decides then, in `recordLeadSignals`).
 */
function planLead(
  row: LeadRow,
  fresh: readonly PlainSignal[],
  model: ScoringModel,
  rebuilt: ReturnType<typeof buildScoreState> | null,
  now: Date,
): PlannedLead | null {
  const before = toLeadDomainState(row, model);
  const state = rebuilt ? { ...before, score: rebuilt } : before;
  const result = advanceLead({
    state,
    signals: fresh.map((signal) => ({ signal })),
    model,
    journeyModel: DEFAULT_JOURNEY_MODEL,
    now,
  });
  if (!result.state.owner && row.phone !== null && row.erasedAt === null) return null;
  const progress = toLeadProgressColumns(before, result.state, result.score, model, now);
  if (OWNERSHIP_COLUMNS.some((column) => column in progress)) return null;
  const activity = fresh.filter((s) => isProspectActivity(s.type)).map((s) => Date.parse(s.occurredAt));
  const lastActivityMs = Math.max(row.lastActivityAt?.getTime() ?? 0, ...activity);
  const touchpoints = fresh.map((s) => ({
    id: s.id,
    leadId: row.id,
    type: s.type,
    occurredAt: new Date(s.occurredAt),
    receivedAt: now,
    channel: s.channel ?? null,
    campaignId: s.campaignId ?? null,
    // No scene of its own: the lead's first channel, as the full path's insert takes it.
    channelId: row.sourceChannelId,
    contentId: null,
    referrer: s.referrer ?? null,
    props: s.props as Record<string, unknown>,
  }));
  return {
    leadId: row.id,
    touchpoints,
    update: { ...progress, ...(lastActivityMs > 0 ? { lastActivityAt: new Date(lastActivityMs) } : {}) },
    ...toLeadHistoryRows(row.id, result, model, now),
  };
}

/** Each lead's score state rebuilt from its stored touchpoints (`rebuildScoreState`), in one read. */
async function rebuildScoreStates(tx: Transaction, leadIds: readonly string[], model: ScoringModel) {
  const byLead = new Map<string, ScoringSignal[]>(leadIds.map((id) => [id, []]));
  for (const row of await listTouchpointsOfLeads(tx, leadIds)) {
    const event = toTouchpointEvent(row);
    if (event) byLead.get(row.leadId)?.push(event);
  }
  return new Map([...byLead].map(([leadId, events]) => [leadId, buildScoreState(events, model)]));
}

/**
 * Records each lead's signals as `recordLeadSignals` would, in the caller's transaction. Signal
 * ids must be unique across the batch (a campaign's are its outbox ids).
 */
export async function recordLeadSignalsBatch(
  tx: Transaction,
  options: { items: readonly { leadId: string; signals: readonly ScoringSignal[] }[]; now: Date },
): Promise<LeadSignalsBatchResult> {
  const { now } = options;
  const signalsOf = new Map<string, Map<string, ScoringSignal>>();
  for (const item of options.items) {
    const own = signalsOf.get(item.leadId) ?? new Map<string, ScoringSignal>();
    for (const signal of item.signals) own.set(signal.id, signal);
    signalsOf.set(item.leadId, own);
  }
  const leadIds = [...signalsOf.keys()].sort();
  const allIds = [...signalsOf.values()].flatMap((own) => [...own.keys()]);
  if (new Set(allIds).size !== allIds.length) throw new Error('recordLeadSignalsBatch: a signal id names two leads');
  const model = await getActiveScoringModel(tx);
  const locked = await lockLeadsWithTouchpointIds(tx, leadIds, allIds);
  const result: LeadSignalsBatchResult = { accepted: 0, duplicates: 0, goneLeadIds: [] };
  const fullPath: string[] = [];
  const plainLeads: { row: LeadRow; fresh: PlainSignal[]; duplicates: number }[] = [];
  for (const leadId of leadIds) {
    const entry = locked.get(leadId);
    const signals = [...(signalsOf.get(leadId)?.values() ?? [])];
    if (!entry || !isLiveLead(entry.lead)) {
      result.goneLeadIds.push(leadId);
      continue;
    }
    const fresh = signals.filter((s) => !entry.existingIds.has(s.id));
    // A replay (nothing new) still rescores at `now` on the full path; it is rare enough to take it.
    if (fresh.length > 0 && fresh.every(isPlain))
      plainLeads.push({ row: entry.lead, fresh, duplicates: signals.length - fresh.length });
    else fullPath.push(leadId);
  }
  const toRebuild = plainLeads.filter(({ row }) => !findScoreState(row, model)).map(({ row }) => row.id);
  const rebuilt = toRebuild.length > 0 ? await rebuildScoreStates(tx, toRebuild, model) : new Map();
  const planned: PlannedLead[] = [];
  for (const { row, fresh, duplicates } of plainLeads) {
    const plan = planLead(row, fresh, model, rebuilt.get(row.id) ?? null, now);
    if (!plan) {
      fullPath.push(row.id);
      continue;
    }
    planned.push(plan);
    result.duplicates += duplicates;
  }
  const rows = planned.flatMap((p) => p.touchpoints);
  const inserted = await insertNewTouchpoints(tx, rows);
  // The leads are locked and their ids were checked, so every row must be new.
  if (inserted.size !== rows.length) throw new Error('recordLeadSignalsBatch: touchpoints appeared under the lock');
  await saveLeadsProgress(tx, {
    updates: planned.map((p) => ({ leadId: p.leadId, update: p.update })),
    transitions: planned.flatMap((p) => p.transitions),
    ledger: planned.flatMap((p) => p.ledger),
  });
  result.accepted += rows.length;
  for (const leadId of fullPath.sort()) {
    const signals = [...(signalsOf.get(leadId)?.values() ?? [])];
    const one = await recordLeadSignals(tx, { leadId, signals, now });
    result.accepted += one.accepted;
    result.duplicates += one.duplicates;
  }
  return result;
}
