/**
 * The mapping between a lead row and the domain's `LeadDomainState` (shared/lead), in one place.
 * Rows written before any signal (`{}` in the JSON columns) map to a fresh state.
 */
import {
  createJourneyState,
  createLeadState,
  createScoreState,
  isJourneyStage,
  isLifecycleStage,
  type JourneyStage,
  type LeadDomainState,
  type LeadOwner,
  type LeadProfile,
  type LeadScore,
  leadProfileSchema,
  type ScoringModel,
  scoreStateSchema,
} from '@scrm/shared';
import type { LeadInsert, LeadRow, LeadUpdate, StageTransitionInsert } from '../../db/queries/leads.js';

/** The profile fields the fit score reads, from the row's columns (SPEC §2.3). */
export function toLeadProfile(row: LeadRow): LeadProfile {
  return leadProfileSchema.parse({
    role: row.role,
    gradeBand: row.gradeBand,
    city: row.city ?? undefined,
    campusId: row.campusId ?? undefined,
    campusReach: row.campusReach,
    courseInterest: row.courseInterest ?? undefined,
    budgetBand: row.budgetBand,
    timeline: row.timeline,
    decisionMaker: row.decisionMaker,
    need: row.need,
  });
}

/** The profile as column values. */
export function toProfileColumns(profile: LeadProfile): LeadUpdate {
  return {
    role: profile.role,
    gradeBand: profile.gradeBand,
    city: profile.city ?? null,
    campusReach: profile.campusReach,
    courseInterest: profile.courseInterest ?? null,
    budgetBand: profile.budgetBand,
    timeline: profile.timeline,
    decisionMaker: profile.decisionMaker,
    need: profile.need,
  };
}

/**
 * The stored score state when it was built under `model`; `null` when it is missing or belongs to
 * another model version (the caller then rebuilds it from the lead's touchpoints).
 */
export function findScoreState(row: LeadRow, model: ScoringModel) {
  const parsed = scoreStateSchema.safeParse(row.scoreState);
  if (!parsed.success) return null;
  return parsed.data.modelId === model.id && parsed.data.modelVersion === model.version ? parsed.data : null;
}

interface StoredJourney {
  state?: { anchorMs: number; sums: Record<JourneyStage, number> };
  arrivals?: Partial<Record<JourneyStage, number>>;
}

/** `storedScore`: the row's `findScoreState`, when the caller has read it already (it is a parse). */
export function toLeadDomainState(
  row: LeadRow,
  model: ScoringModel,
  storedScore = findScoreState(row, model),
): LeadDomainState {
  const journeyStage: JourneyStage = isJourneyStage(row.journeyStage) ? row.journeyStage : 'unaware';
  const lifecycleStage = isLifecycleStage(row.lifecycleStage) ? row.lifecycleStage : 'awareness';
  const stored = row.journeyState as StoredJourney;
  const hasArrivals = Object.keys(row.lifecycleArrivals).length > 0;
  return {
    profile: toLeadProfile(row),
    score: storedScore ?? createScoreState(model),
    lifecycle: {
      stage: lifecycleStage,
      enteredAt: row.lifecycleStageAt.toISOString(),
      arrivals: hasArrivals ? row.lifecycleArrivals : { [lifecycleStage]: 1 },
    },
    journey: {
      state: stored.state ?? createJourneyState(row.createdAt.getTime()),
      stage: journeyStage,
      arrivals: stored.arrivals ?? { [journeyStage]: 1 },
    },
    owner: toLeadOwner(row),
    nurtureHoldSince: row.nurtureHoldSince?.toISOString() ?? null,
  };
}

/** Who holds the lead, from the owner columns (SPEC §2.4). */
function toLeadOwner(row: LeadRow): LeadOwner | null {
  if (!row.ownerAdvisorId) return null;
  return {
    advisorId: row.ownerAdvisorId,
    assignedAt: (row.ownerAssignedAt ?? row.updatedAt).toISOString(),
    acceptedAt: row.ownerAcceptedAt?.toISOString() ?? null,
  };
}

/** The owner and nurture-hold columns of a state, when they changed (`slaDueAt` is routing's). */
function toOwnershipColumns(before: LeadDomainState, after: LeadDomainState): LeadUpdate {
  const update: LeadUpdate = {};
  const [was, is] = [before.owner ?? null, after.owner ?? null];
  if (was?.advisorId !== is?.advisorId || was?.assignedAt !== is?.assignedAt || was?.acceptedAt !== is?.acceptedAt) {
    update.ownerAdvisorId = is?.advisorId ?? null;
    update.ownerAssignedAt = is ? new Date(is.assignedAt) : null;
    update.ownerAcceptedAt = is?.acceptedAt ? new Date(is.acceptedAt) : null;
    // No accept is due from nobody, nor once accepted; a new holder's due time is set by routing.
    if (!is || is.acceptedAt) update.slaDueAt = null;
  }
  if ((before.nurtureHoldSince ?? null) !== (after.nurtureHoldSince ?? null)) {
    update.nurtureHoldSince = after.nurtureHoldSince ? new Date(after.nurtureHoldSince) : null;
  }
  return update;
}

/** The columns that store a domain state and its score at `now`. */
export function toLeadProgressColumns(
  before: LeadDomainState,
  after: LeadDomainState,
  score: LeadScore,
  model: ScoringModel,
  now: Date,
): LeadUpdate {
  const update: LeadUpdate = {
    ...toOwnershipColumns(before, after),
    lifecycleArrivals: after.lifecycle.arrivals as Record<string, number>,
    journeyState: { state: after.journey.state, arrivals: after.journey.arrivals },
    scoreState: after.score,
    scoreTotal: score.total,
    scoreFit: score.fit,
    scoreEngagement: score.engagement,
    scoringModelVersion: model.version,
    scoredAt: now,
    updatedAt: now,
  };
  if (after.lifecycle.stage !== before.lifecycle.stage) {
    update.lifecycleStage = after.lifecycle.stage;
    update.lifecycleStageAt = new Date(after.lifecycle.enteredAt);
  }
  if (after.journey.stage !== before.journey.stage) {
    update.journeyStage = after.journey.stage;
    update.journeyStageAt = now;
  }
  return update;
}

/**
 * A lead that starts at `at` (a first login, a bench's logged-in leads): its first stages and an
 * empty score state under `model`, so its first signals are scored without a rebuild from history.
 */
export function toNewLead(options: { openid: string; at: Date; model: ScoringModel; source?: string }): {
  lead: LeadInsert & { openid: string };
  firstTransition: Omit<StageTransitionInsert, 'leadId'>;
} {
  const fresh = toNewLeadColumns(options);
  return { ...fresh, lead: { ...fresh.lead, openid: options.openid } };
}

/** A new lead's stage, journey and score columns and its first transition, without an identity (imports). */
export function toNewLeadColumns(options: { at: Date; model: ScoringModel; source?: string }): {
  lead: LeadInsert;
  firstTransition: Omit<StageTransitionInsert, 'leadId'>;
} {
  const { at, model } = options;
  const { state, transition } = createLeadState({ at: at.toISOString(), model, source: options.source });
  return {
    lead: {
      lifecycleStage: state.lifecycle.stage,
      lifecycleStageAt: at,
      lifecycleArrivals: state.lifecycle.arrivals as Record<string, number>,
      journeyStage: state.journey.stage,
      journeyStageAt: at,
      journeyState: { state: state.journey.state, arrivals: state.journey.arrivals },
      scoreState: state.score,
      scoringModelVersion: model.version,
      createdAt: at,
      updatedAt: at,
    },
    firstTransition: {
      model: 'lifecycle',
      fromStage: null,
      toStage: transition.to,
      ordinal: transition.ordinal,
      cause: { ruleId: transition.ruleId, label: transition.label, ...transition.cause },
      at,
      recordedAt: at,
    },
  };
}
