/**
 * Moves one lead forward by a batch of signals (SPEC §2.1–2.4): each signal updates the score and
 * the journey evidence, then the lifecycle machine sees the event itself, the lead's fit and
 * whether the lead now qualifies as MQL. Staff signals (handed over, accepted, released, SLA
 * missed) change who holds the lead and move its lifecycle through the same machine, so scoring
 * and stages stay in one place. Returns the new state, the moves and the score ledger (which rule
 * gave how many points for which signal), for the caller to store in one transaction.
 */
import { applyJourneySignal, inferJourneyStage, type JourneyModel } from '../journey/journey-state.js';
import type { JourneyStage } from '../journey/stages.js';
import { applyLifecycleTrigger, type LifecycleState, type LifecycleTransition } from '../lifecycle/machine.js';
import type { LifecycleTrigger } from '../lifecycle/transitions.js';
import type { LeadProfile } from '../scoring/lead-profile.js';
import {
  isMqlJourneyStage,
  isMqlScore,
  type LeadScore,
  scoreEngagementTotal,
  scoreFit,
  scoreFitTotal,
  scoreLead,
} from '../scoring/score-lead.js';
import { openScoreStateDraft } from '../scoring/score-state.js';
import type { ScoringModel } from '../scoring/scoring-model.js';
import { getSignalTimeMs, parseInstantMs, type ScoringSignal, toCanonicalInstant } from '../scoring/scoring-signal.js';
import type { JourneyTransition, LeadDomainState, LeadJourney } from './lead-state.js';
import {
  endsNurtureHold,
  findStaffSignalRefusal,
  isStaffSignal,
  type StaffSignal,
  type StaffSignalRefusal,
} from './staff-signal.js';

/** A signal with the journey tag of its content item (looked up by the caller). */
export interface LeadSignal {
  signal: ScoringSignal | StaffSignal;
  contentStage?: JourneyStage;
}

/** One row of the score ledger (SPEC §2.3 "which rule gave how many points"). */
export interface ScoreLedgerEntry {
  signalId: string;
  ruleId: string;
  dimension: 'fit' | 'engagement';
  points: number;
  at: string;
}

export interface AdvanceLeadResult {
  state: LeadDomainState;
  /** The score at `now`; its `isMql` is the model's whole MQL rule, journey stage included. */
  score: LeadScore;
  lifecycleTransitions: LifecycleTransition[];
  journeyTransitions: JourneyTransition[];
  ledger: ScoreLedgerEntry[];
  /** Staff signals that did not apply to the lead as it was, with why; they changed nothing. */
  refused: { signalId: string; reason: StaffSignalRefusal }[];
}

/** Points so small they are float noise, not a rule firing. */
const LEDGER_EPSILON = 1e-9;

/**
 * "Fits the ideal-student profile" (SPEC §2.2 `target`): the fit the model requires for MQL.
 * A model without a fit minimum has no separate target step.
 */
export function isTargetFit(fit: number, model: ScoringModel): boolean {
  return model.mql.minFit !== undefined && fit >= model.mql.minFit;
}

function lifecycleStep(
  lifecycle: LifecycleState,
  trigger: LifecycleTrigger,
  at: string,
  moves: LifecycleTransition[],
): LifecycleState {
  const step = applyLifecycleTrigger(lifecycle, trigger, at);
  if (step.transition) moves.push(step.transition);
  return step.state;
}

/** Moves the journey, the call's own copy, to the stage its evidence shows at `at`. */
function journeyStep(journey: LeadJourney, model: JourneyModel, at: Date, moves: JourneyTransition[]): void {
  const { stage, reason } = inferJourneyStage(journey.state, model, at);
  if (stage === journey.stage) return;
  const ordinal = (journey.arrivals[stage] ?? 0) + 1;
  moves.push({ from: journey.stage, to: stage, at: at.toISOString(), ordinal, reason });
  journey.stage = stage;
  journey.arrivals = { ...journey.arrivals, [stage]: ordinal };
}

/** The score at `at` with `isMql` as the whole MQL rule: total, fit and journey stage (issue 9 §7). */
function scoreAt(state: LeadDomainState, model: ScoringModel, at: Date): LeadScore {
  const score = scoreLead({ profile: state.profile, state: state.score, model, now: at });
  return { ...score, isMql: score.isMql && isMqlJourneyStage(state.journey.stage, model) };
}

/**
 * Fit and MQL as the lifecycle sees them, at one moment. `fit` is the profile's fit points, read
 * once per batch: this runs after every signal, and reads the totals `scoreAt` gives, without
 * building the breakdown each time.
 */
function qualify(
  lifecycle: LifecycleState,
  state: LeadDomainState,
  fit: number,
  model: ScoringModel,
  at: Date,
  iso: string,
  moves: LifecycleTransition[],
): LifecycleState {
  const total = fit + scoreEngagementTotal(state.score, model, at);
  const isMql = isMqlScore(fit, total, model) && isMqlJourneyStage(state.journey.stage, model);
  let next = lifecycleStep(lifecycle, { kind: 'fit', isTarget: isTargetFit(fit, model) }, iso, moves);
  next = lifecycleStep(
    next,
    {
      kind: 'score',
      isMql,
      total,
      isNurtureHold: Boolean(state.nurtureHoldSince),
      isWithAdvisor: Boolean(state.owner),
    },
    iso,
    moves,
  );
  return next;
}

/**
 * A staff signal's effect on who holds the lead, made on the call's own copy, and the lifecycle
 * trigger it is (SPEC §2.4): handed over → `assign`; accepted → `accept`; released or SLA missed →
 * back to the pool.
 */
function applyStaffSignal(state: LeadDomainState, signal: StaffSignal): LifecycleTrigger | null {
  const { advisorId, occurredAt } = signal;
  switch (signal.type) {
    case 'lead_assigned':
      state.owner = { advisorId, assignedAt: occurredAt, acceptedAt: null };
      return { kind: 'advisor', action: 'assign', advisorId };
    case 'lead_accepted':
      state.owner = { advisorId, assignedAt: state.owner?.assignedAt ?? occurredAt, acceptedAt: occurredAt };
      return { kind: 'advisor', action: 'accept', advisorId, hasBookedTrial: signal.hasBookedTrial };
    case 'lead_released':
    case 'lead_sla_missed':
      state.owner = null;
      return null;
    default: {
      const unreachable: never = signal;
      return unreachable;
    }
  }
}

/**
 * A scoring signal's effect on ownership and the nurture hold (issue 9 §7), made on the call's own
 * copy: a return clears the returning advisor's hold on the lead and starts a hold; meaningful new
 * activity ends it.
 */
function applyHoldAndOwner(state: LeadDomainState, signal: ScoringSignal): void {
  if (signal.type === 'advisor_return') {
    state.owner = state.owner?.advisorId === signal.advisorId ? null : (state.owner ?? null);
    state.nurtureHoldSince = signal.occurredAt;
  } else if (state.nurtureHoldSince && endsNurtureHold(signal, state.nurtureHoldSince)) {
    state.nurtureHoldSince = null;
  }
}

function fitLedger(before: LeadProfile, after: LeadProfile, model: ScoringModel, at: string): ScoreLedgerEntry[] {
  const old = new Map(scoreFit(before, model).breakdown.map((b) => [b.ruleId, b.points]));
  const now = new Map(scoreFit(after, model).breakdown.map((b) => [b.ruleId, b.points]));
  const entries: ScoreLedgerEntry[] = [];
  for (const ruleId of new Set([...old.keys(), ...now.keys()])) {
    const points = (now.get(ruleId) ?? 0) - (old.get(ruleId) ?? 0);
    if (Math.abs(points) > LEDGER_EPSILON) entries.push({ signalId: 'profile', ruleId, dimension: 'fit', points, at });
  }
  return entries;
}

/**
 * Applies a profile change and signals to a lead (SPEC §2.2, §2.3). Signals are taken in the order
 * they happened; `now` is when the batch is processed (the score and journey are also read then,
 * so a lead whose evidence has decayed is moved back).
 *
 * @example
 * const result = advanceLead({ state, signals: [{ signal: pageView }], model, journeyModel, now });
 * result.lifecycleTransitions; // e.g. [{ from: 'awareness', to: 'friend', ordinal: 1, … }]
 */
export function advanceLead(input: {
  state: LeadDomainState;
  signals: readonly LeadSignal[];
  profile?: LeadProfile;
  model: ScoringModel;
  journeyModel: JourneyModel;
  now: Date;
}): AdvanceLeadResult {
  const { model, journeyModel, now } = input;
  const nowIso = now.toISOString();
  const lifecycleTransitions: LifecycleTransition[] = [];
  const journeyTransitions: JourneyTransition[] = [];
  const ledger: ScoreLedgerEntry[] = [];
  // The call's own copy, changed in place signal by signal (a fresh object per signal was a large
  // part of a 100-event batch's time); the caller's state and what it holds are never modified.
  const state: LeadDomainState = { ...input.state, journey: { ...input.state.journey } };

  if (input.profile) {
    ledger.push(...fitLedger(state.profile, input.profile, model, nowIso));
    state.profile = input.profile;
  }
  // The profile is fixed from here on: its fit points are read once, for every check below.
  const fit = scoreFitTotal(state.profile, model);
  if (input.profile) state.lifecycle = qualify(state.lifecycle, state, fit, model, now, nowIso, lifecycleTransitions);

  const ordered = input.signals
    .map((item) => ({ ...item, atMs: signalTimeMs(item.signal) }))
    .sort((a, b) => a.atMs - b.atMs || compareIds(a.signal.id, b.signal.id));
  const refused: AdvanceLeadResult['refused'] = [];
  // One working copy of the score state for the whole batch, not a copy per signal.
  const scoreDraft = openScoreStateDraft(state.score, model);
  for (const { signal, contentStage, atMs } of ordered) {
    const at = new Date(atMs);
    const iso = toCanonicalInstant(signal.occurredAt);
    if (isStaffSignal(signal)) {
      const refusal = findStaffSignalRefusal(state, signal);
      if (refusal) {
        refused.push({ signalId: signal.id, reason: refusal });
        continue;
      }
      const trigger = applyStaffSignal(state, signal);
      if (trigger) state.lifecycle = lifecycleStep(state.lifecycle, trigger, signal.occurredAt, lifecycleTransitions);
      state.lifecycle = qualify(state.lifecycle, state, fit, model, at, iso, lifecycleTransitions);
      continue;
    }
    scoreDraft.apply(signal);
    state.score = scoreDraft.state;
    scoreDraft.visitPointChanges((ruleId, points) => {
      if (Math.abs(points) > LEDGER_EPSILON) {
        ledger.push({ signalId: signal.id, ruleId, dimension: 'engagement', points, at: signal.occurredAt });
      }
    });
    if (signal.type !== 'advisor_return') {
      const journeySignal = { id: signal.id, type: signal.type, occurredAt: signal.occurredAt, contentStage };
      state.journey.state = applyJourneySignal(state.journey.state, journeySignal, journeyModel);
    }
    journeyStep(state.journey, journeyModel, at, journeyTransitions);
    const trigger: LifecycleTrigger =
      signal.type === 'advisor_return'
        ? { kind: 'advisor', action: 'return', advisorId: signal.advisorId }
        : { kind: 'event', eventType: signal.type, eventId: signal.id };
    state.lifecycle = lifecycleStep(state.lifecycle, trigger, signal.occurredAt, lifecycleTransitions);
    applyHoldAndOwner(state, signal);
    state.lifecycle = qualify(state.lifecycle, state, fit, model, at, iso, lifecycleTransitions);
  }

  journeyStep(state.journey, journeyModel, now, journeyTransitions);
  state.lifecycle = qualify(state.lifecycle, state, fit, model, now, nowIso, lifecycleTransitions);
  return { state, score: scoreAt(state, model, now), lifecycleTransitions, journeyTransitions, ledger, refused };
}

/** Ids in code-unit order, the tie-break of signals at the same instant (as the score state's). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order `advanceLead` takes signals in: by time, then by id; for callers that list what it applied. */
export function compareSignalOrder(
  a: { id: string; occurredAt: string },
  b: { id: string; occurredAt: string },
): number {
  return parseInstantMs(a.occurredAt) - parseInstantMs(b.occurredAt) || compareIds(a.id, b.id);
}

function signalTimeMs(signal: ScoringSignal | StaffSignal): number {
  return isStaffSignal(signal) ? parseInstantMs(signal.occurredAt) : getSignalTimeMs(signal);
}

/** Applies a non-signal lifecycle trigger (an advisor accepting a lead, an inactivity sweep). */
export function applyLeadTrigger(
  state: LeadDomainState,
  trigger: LifecycleTrigger,
  at: Date,
): { state: LeadDomainState; transition: LifecycleTransition | null } {
  const step = applyLifecycleTrigger(state.lifecycle, trigger, at.toISOString());
  return { state: { ...state, lifecycle: step.state }, transition: step.transition };
}
