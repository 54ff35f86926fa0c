/**
 * A lead's whole domain state in one JSON-serialisable value (SPEC §2.2, §2.3): its profile, the
 * incremental score state, the lifecycle state and the journey state with its arrivals. The
 * server stores it on the lead row; every function here is pure.
 */
import { createJourneyState, type JourneyState } from '../journey/journey-state.js';
import type { JourneyStage } from '../journey/stages.js';
import { createLifecycleState, type LifecycleState, type LifecycleTransition } from '../lifecycle/machine.js';
import type { LifecycleStage } from '../lifecycle/stages.js';
import { type LeadProfile, UNKNOWN_LEAD_PROFILE } from '../scoring/lead-profile.js';
import { createScoreState, type ScoreState } from '../scoring/score-state.js';
import type { ScoringModel } from '../scoring/scoring-model.js';

export interface LeadJourney {
  state: JourneyState;
  stage: JourneyStage;
  arrivals: Partial<Record<JourneyStage, number>>;
}

/** The advisor who holds the lead (SPEC §2.4): handed over at `assignedAt`, accepted or not yet. */
export interface LeadOwner {
  advisorId: string;
  assignedAt: string;
  /** `null` until the advisor accepts; the SLA runs until then. */
  acceptedAt: string | null;
}

export interface LeadDomainState {
  profile: LeadProfile;
  score: ScoreState;
  lifecycle: LifecycleState;
  journey: LeadJourney;
  /** Who holds the lead; absent or `null` while it waits in the pool. */
  owner?: LeadOwner | null;
  /**
   * When an advisor returned the lead, while no new activity has followed (issue 9 §7: the
   * playbook nurtures a returned lead; the score alone may not re-qualify it). Absent or `null`:
   * no hold.
   */
  nurtureHoldSince?: string | null;
}

/** A journey move, stored like a lifecycle move (SPEC §2.2). */
export interface JourneyTransition {
  from: JourneyStage;
  to: JourneyStage;
  at: string;
  ordinal: number;
  reason: string;
}

/** A new lead: `awareness` / `unaware`, no points; with its first lifecycle transition. */
export function createLeadState(input: {
  at: string;
  model: ScoringModel;
  profile?: LeadProfile;
  stage?: LifecycleStage;
  source?: string;
}): { state: LeadDomainState; transition: LifecycleTransition } {
  const lifecycle = createLifecycleState({ at: input.at, stage: input.stage, source: input.source });
  return {
    state: {
      profile: input.profile ?? UNKNOWN_LEAD_PROFILE,
      score: createScoreState(input.model),
      lifecycle: lifecycle.state,
      journey: { state: createJourneyState(Date.parse(input.at)), stage: 'unaware', arrivals: { unaware: 1 } },
      owner: null,
      nurtureHoldSince: null,
    },
    transition: lifecycle.transition,
  };
}
