/**
 * Records signals for one lead inside the caller's transaction (SPEC §2.1–2.3, §4 "nothing is
 * lost"): touchpoints are inserted idempotently by id, then the domain (shared/lead) moves the
 * lead, and the new state, its stage transitions and score ledger are written with it. Answers to
 * subscribe-message requests also count the lead's grants per template (SPEC §2.5). Every
 * writer of touchpoints (ingest, registration, bookings, campaigns, advisors) goes through here.
 */
import {
  type AdvanceLeadResult,
  advanceLead,
  DEFAULT_JOURNEY_MODEL,
  DEFAULT_SCORING_MODEL,
  isJourneyStage,
  isProspectActivity,
  type LeadProfile,
  type LeadScore,
  type LeadSignal,
  parseInstantMs,
  parseScoringModel,
  type ScoringModel,
  type ScoringSignal,
  type StaffSignal,
} from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import { findActiveScoringModelDocument, type LeadRow, saveLeadProgress } from '../../db/queries/leads.js';
import { recordSubscriptionAnswers, type SubscriptionAnswer } from '../../db/queries/subscriptions.js';
import { lockLeadAndInsertTouchpoints, type TouchpointInsert } from '../../db/queries/touchpoints.js';
import { attributeChannels, findCardAdvisor } from '../channels/attribute-channels.js';
import { listOwnershipSignals, recordOwnershipChanges } from '../routing/record-ownership.js';
import { routeAdvancedLead } from '../routing/route-on-signals.js';
import { findScoreState, toLeadDomainState, toLeadProgressColumns, toProfileColumns } from './lead-domain-state.js';
import { assertLiveLead } from './lead-guards.js';
import { toLeadHistoryRows } from './lead-history-rows.js';
import { rebuildScoreState } from './rebuild-score-state.js';

export interface RecordLeadSignalsResult {
  accepted: number;
  duplicates: number;
  lead: LeadRow;
  score: LeadScore;
  /** Staff signals the lead's state did not allow (issue 9 §4): the caller answers 409. */
  refused: AdvanceLeadResult['refused'];
  /** A "new lead" notification to an advisor waits to be delivered after commit. */
  isNotificationQueued: boolean;
}

/** The scoring model in force: the activated version, else the default (SPEC §2.3 "the model is data"). */
export async function getActiveScoringModel(tx: Transaction): Promise<ScoringModel> {
  const active = await findActiveScoringModelDocument(tx);
  if (!active) return DEFAULT_SCORING_MODEL;
  const cached = parsedModels.get(active.key);
  if (cached) return cached;
  const model = parseScoringModel(active.document);
  // A long-lived process sees a handful of versions; a test run sees many, so the map is capped.
  if (parsedModels.size >= MAX_PARSED_MODELS) parsedModels.clear();
  parsedModels.set(active.key, model);
  return model;
}

/**
 * Models parsed from their documents, by key (`SCORING_MODEL_KEY`: a saved document never
 * changes). Every batch used to carry the active document (about 4 KB of JSON) from the database
 * and validate it again, 0.07–0.17 ms of CPU against about 1.3 ms for a whole tiny batch (issue 12).
 */
const parsedModels = new Map<string, ScoringModel>();
const MAX_PARSED_MODELS = 16;

/** The model a batch runs under, from the key its lock statement read (a miss reads the document). */
async function resolveScoringModel(tx: Transaction, key: string | null): Promise<ScoringModel> {
  if (key === null) return DEFAULT_SCORING_MODEL;
  return parsedModels.get(key) ?? getActiveScoringModel(tx);
}

function toTouchpointRow(
  leadId: string,
  signal: Exclude<ScoringSignal, { type: 'advisor_return' }>,
  now: Date,
  channelId: string | null,
): TouchpointInsert {
  return {
    id: signal.id,
    leadId,
    type: signal.type,
    occurredAt: new Date(parseInstantMs(signal.occurredAt)),
    receivedAt: now,
    channel: signal.channel ?? null,
    campaignId: signal.campaignId ?? null,
    channelId,
    contentId: signal.contentId ?? null,
    referrer: signal.referrer ?? null,
    props: signal.props as Record<string, unknown>,
  };
}

/** A prospect's answer to a subscribe-message request; grants are counted from these (SPEC §2.5). */
function toSubscriptionAnswer(signal: ScoringSignal): SubscriptionAnswer[] {
  if (signal.type !== 'subscribe_accept' && signal.type !== 'subscribe_reject') return [];
  const at = new Date(signal.occurredAt);
  return [{ templateId: signal.props.templateId, accepted: signal.type === 'subscribe_accept', at }];
}

/**
 * @example
 * await db.transaction((tx) => recordLeadSignals(tx, { leadId, signals: events, now: ctx.now() }));
 */
export async function recordLeadSignals(
  tx: Transaction,
  options: {
    leadId: string;
    signals: readonly ScoringSignal[];
    /** Staff actions on ownership (issue 9 §4); idempotent through the caller's request id. */
    staffSignals?: readonly StaffSignal[];
    profile?: LeadProfile;
    now: Date;
  },
): Promise<RecordLeadSignalsResult> {
  const { leadId, now } = options;
  // A scanned channel code's scene becomes its channel and campaign (ADR 020); a row without one
  // takes the lead's first channel, read from the locked row where the rows are inserted.
  const attributed = await attributeChannels(tx, {
    signals: [...new Map(options.signals.map((s) => [s.id, s])).values()],
  });
  const unique = attributed.signals;
  const touchpointRows: TouchpointInsert[] = [];
  for (const s of unique) {
    if (s.type !== 'advisor_return') touchpointRows.push(toTouchpointRow(leadId, s, now, attributed.channelIdOf(s.id)));
  }
  const locked = await lockLeadAndInsertTouchpoints(tx, leadId, touchpointRows);
  // The lead is the caller's own (its token's subject) or was checked by the caller (a referrer):
  // one gone is answered as on every other prospect route, 401 "log in again" (issue 8 item 8).
  assertLiveLead(locked?.lead, leadId);
  const { lead: row, inserted } = locked;
  const accepted = unique.filter((s) => s.type === 'advisor_return' || inserted.has(s.id));
  // The first code a not-yet-known person came through brought them (first touch, SPEC §2.6).
  const sourceChannelId =
    row.sourceChannelId ?? (row.source === null && attributed.scanned ? attributed.scanned.id : null);
  const answers = accepted.flatMap(toSubscriptionAnswer);
  if (answers.length > 0) await recordSubscriptionAnswers(tx, leadId, answers, now);

  const model = await resolveScoringModel(tx, locked.activeModelKey);
  const storedScore = findScoreState(row, model);
  const before = toLeadDomainState(row, model, storedScore);
  // No state under this model (a new model version, or touchpoints stored before any scoring):
  // rebuild the score from the stored history, leaving out what this call just inserted.
  const state = storedScore
    ? before
    : { ...before, score: await rebuildScoreState(tx, { leadId, model, exclude: inserted }) };
  const signals: LeadSignal[] = accepted.map((signal) => {
    const tag = inserted.get(signal.id);
    return { signal, contentStage: tag && isJourneyStage(tag) ? tag : undefined };
  });
  const staffSignals = options.staffSignals ?? [];

  const advanced = advanceLead({
    state,
    signals: [...signals, ...staffSignals.map((signal) => ({ signal }))],
    profile: options.profile,
    model,
    journeyModel: DEFAULT_JOURNEY_MODEL,
    now,
  });
  // Routing decides in this transaction whether the batch hands the lead to an advisor (issue 9 §2).
  const isAwaitingOwner = !advanced.state.owner && row.phone !== null && row.erasedAt === null;
  const cardAdvisorId = isAwaitingOwner
    ? await findCardAdvisor(tx, { sourceChannelId, scanned: attributed.scanned })
    : null;
  const { result, assignment } = await routeAdvancedLead(tx, {
    row,
    result: advanced,
    accepted,
    model,
    now,
    cardAdvisorId,
  });
  const activity = accepted.filter((s) => isProspectActivity(s.type)).map((s) => parseInstantMs(s.occurredAt));
  const lastActivityMs = Math.max(row.lastActivityAt?.getTime() ?? 0, ...activity);
  const lead = await saveLeadProgress(tx, {
    lead: row,
    update: {
      ...toLeadProgressColumns(before, result.state, result.score, model, now),
      ...(options.profile ? toProfileColumns(options.profile) : {}),
      ...(lastActivityMs > 0 ? { lastActivityAt: new Date(lastActivityMs) } : {}),
      ...(sourceChannelId !== row.sourceChannelId ? { sourceChannelId } : {}),
    },
    ...toLeadHistoryRows(leadId, result, model, now),
  });
  const ownership = await recordOwnershipChanges(tx, {
    leadId,
    before: state,
    after: result.state,
    applied: listOwnershipSignals(accepted, staffSignals, result, assignment),
    routedReasons: new Map(assignment ? [[assignment.signal.id, assignment.decision.reason]] : []),
    now,
  });
  return {
    accepted: accepted.length,
    duplicates: options.signals.length - accepted.length,
    lead: ownership.slaDueAt ? { ...lead, slaDueAt: ownership.slaDueAt } : lead,
    score: result.score,
    refused: result.refused,
    isNotificationQueued: ownership.isNotificationQueued,
  };
}
