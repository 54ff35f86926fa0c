/**
 * Moves one lead forward by a batch of signals (SPEC §2.1–2.3): each signal updates the score and
 * the journey evidence, then the lifecycle machine sees the event itself, the lead's fit and
 * whether the score now qualifies as MQL. Returns the new state, the moves and the score ledger
 * (which rule gave how many points for which signal), for the caller to store in one transaction.
 */
import { applyJourneySignal, inferJourneyStage, type JourneyModel } from '../journey/journey-state.js';
import type { JourneyStage } from '../journey/stages.js';
import { applyLifecycleTrigger, type LifecycleState, type LifecycleTransition } from '../lifecycle/machine.js';
import type { LifecycleTrigger } from '../lifecycle/transitions.js';
import type { LeadProfile } from '../scoring/lead-profile.js';
import { type LeadScore, scoreFit, scoreLead } from '../scoring/score-lead.js';
import { getEngagementAt, openScoreStateDraft } from '../scoring/score-state.js';
import type { ScoringModel } from '../scoring/scoring-model.js';
import { getSignalTimeMs, type ScoringSignal } from '../scoring/scoring-signal.js';
import type { JourneyTransition, LeadDomainState, LeadJourney } from './lead-state.js';

/** A signal with the journey tag of its content item (looked up by the caller). */
export interface LeadSignal {
  signal: ScoringSignal;
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
  score: LeadScore;
  lifecycleTransitions: LifecycleTransition[];
  journeyTransitions: JourneyTransition[];
  ledger: ScoreLedgerEntry[];
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

function journeyStep(journey: LeadJourney, model: JourneyModel, at: Date, moves: JourneyTransition[]): LeadJourney {
  const { stage, reason } = inferJourneyStage(journey.state, model, at);
  if (stage === journey.stage) return journey;
  const ordinal = (journey.arrivals[stage] ?? 0) + 1;
  moves.push({ from: journey.stage, to: stage, at: at.toISOString(), ordinal, reason });
  return { ...journey, stage, arrivals: { ...journey.arrivals, [stage]: ordinal } };
}

/** Fit and MQL as the lifecycle sees them, at one moment. */
function qualify(
  lifecycle: LifecycleState,
  state: LeadDomainState,
  model: ScoringModel,
  at: Date,
  moves: LifecycleTransition[],
): LifecycleState {
  const score = scoreLead({ profile: state.profile, state: state.score, model, now: at });
  const iso = at.toISOString();
  let next = lifecycleStep(lifecycle, { kind: 'fit', isTarget: isTargetFit(score.fit, model) }, iso, moves);
  next = lifecycleStep(next, { kind: 'score', isMql: score.isMql, total: score.total }, iso, moves);
  return next;
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
  const lifecycleTransitions: LifecycleTransition[] = [];
  const journeyTransitions: JourneyTransition[] = [];
  const ledger: ScoreLedgerEntry[] = [];
  let state = input.state;

  if (input.profile) {
    ledger.push(...fitLedger(state.profile, input.profile, model, now.toISOString()));
    state = { ...state, profile: input.profile };
    const lifecycle = qualify(state.lifecycle, state, model, now, lifecycleTransitions);
    state = { ...state, lifecycle };
  }

  const ordered = input.signals
    .map((item) => ({ ...item, atMs: getSignalTimeMs(item.signal) }))
    .sort((a, b) => a.atMs - b.atMs || a.signal.id.localeCompare(b.signal.id));
  // One working copy of the score state for the whole batch, not a copy per signal.
  const scoreDraft = openScoreStateDraft(state.score, model);
  for (const { signal, contentStage, atMs } of ordered) {
    const at = new Date(atMs);
    const before = getEngagementAt(scoreDraft.state, model, at);
    scoreDraft.apply(signal);
    const score = scoreDraft.state;
    const after = getEngagementAt(score, model, at);
    for (const rule of model.engagement.rules) {
      const points = (after[rule.id] ?? 0) - (before[rule.id] ?? 0);
      if (Math.abs(points) > LEDGER_EPSILON) {
        ledger.push({ signalId: signal.id, ruleId: rule.id, dimension: 'engagement', points, at: signal.occurredAt });
      }
    }
    const journeyState =
      signal.type === 'advisor_return'
        ? state.journey.state
        : applyJourneySignal(state.journey.state, { ...signal, contentStage }, journeyModel);
    const journey = journeyStep({ ...state.journey, state: journeyState }, journeyModel, at, journeyTransitions);
    const trigger: LifecycleTrigger =
      signal.type === 'advisor_return'
        ? { kind: 'advisor', action: 'return', advisorId: signal.advisorId }
        : { kind: 'event', eventType: signal.type, eventId: signal.id };
    let lifecycle = lifecycleStep(state.lifecycle, trigger, signal.occurredAt, lifecycleTransitions);
    state = { ...state, score, journey, lifecycle };
    lifecycle = qualify(lifecycle, state, model, at, lifecycleTransitions);
    state = { ...state, lifecycle };
  }

  const journey = journeyStep(state.journey, journeyModel, now, journeyTransitions);
  const lifecycle = qualify(state.lifecycle, { ...state, journey }, model, now, lifecycleTransitions);
  state = { ...state, journey, lifecycle };
  const score = scoreLead({ profile: state.profile, state: state.score, model, now });
  return { state, score, lifecycleTransitions, journeyTransitions, ledger };
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
