/**
 * The lead's score (SPEC §2.3): fit from the profile, engagement from the stored state, their total,
 * whether it qualifies as MQL, and a breakdown an advisor can read.
 */

import type { JourneyStage } from '../journey/stages.js';
import type { FitField, LeadProfile } from './lead-profile.js';
import { getEngagementRuleIndex } from './rule-index.js';
import { buildScoreState, getDecayFactor, type RuleScoreState, type ScoreState } from './score-state.js';
import type { EngagementRule, FitRule, ScoringModel } from './scoring-model.js';
import type { ScoringSignal } from './scoring-signal.js';

/** One line of the explanation (SPEC §2.3 "every score is explainable"). */
export type ScoreBreakdownItem = {
  ruleId: string;
  /** Chinese, shown to advisors. */
  label: string;
  dimension: 'fit' | 'engagement';
  points: number;
};

/** A scored lead (SPEC §2.3). */
export type LeadScore = {
  fit: number;
  engagement: number;
  total: number;
  /**
   * The score's part of the MQL rule (total and fit). `advanceLead` (shared/lead) also checks the
   * journey stage (`isMqlJourneyStage`) and reports the whole rule.
   */
  isMql: boolean;
  breakdown: ScoreBreakdownItem[];
};

/** Whether a fit rule holds for the profile: a listed value, or any known value without `anyOf`. */
export function isFitRuleMatch(rule: FitRule, profile: LeadProfile): boolean {
  const value = readFitField(profile, rule.field);
  if (value === undefined || value === 'unknown') return false;
  return rule.anyOf ? rule.anyOf.includes(value) : true;
}

/**
 * `profile[field]`, spelled out per field: a computed read with a different name for each rule
 * cost more than the rest of the fit score, and a scoring pass runs once per event.
 */
function readFitField(profile: LeadProfile, field: FitField): string | undefined {
  switch (field) {
    case 'role':
      return profile.role;
    case 'gradeBand':
      return profile.gradeBand;
    case 'campusReach':
      return profile.campusReach;
    case 'courseInterest':
      return profile.courseInterest;
    case 'budgetBand':
      return profile.budgetBand;
    case 'timeline':
      return profile.timeline;
    case 'decisionMaker':
      return profile.decisionMaker;
    case 'need':
      return profile.need;
    default: {
      // Only a model that skipped validation names another field; read it as before.
      const other: never = field;
      return (profile as Record<string, string | undefined>)[other];
    }
  }
}

/**
 * The fit points, their lines added to `breakdown` when one is given: `scoreLead` and
 * `scoreFitTotal` share it, so both give the same number to the last bit.
 */
function addFit(profile: LeadProfile, model: ScoringModel, breakdown: ScoreBreakdownItem[] | null): number {
  let fit = 0;
  for (const rule of model.fit.rules) {
    if (rule.points === 0 || !isFitRuleMatch(rule, profile)) continue;
    fit += rule.points;
    breakdown?.push({ ruleId: rule.id, label: rule.label, dimension: 'fit', points: rule.points });
  }
  return fit;
}

/** The fit score and its breakdown (SPEC §2.3 "fit: who they are"). */
export function scoreFit(profile: LeadProfile, model: ScoringModel): { fit: number; breakdown: ScoreBreakdownItem[] } {
  const breakdown: ScoreBreakdownItem[] = [];
  return { fit: addFit(profile, model, breakdown), breakdown };
}

/**
 * The engagement points at `now`, in model order, their lines added to `breakdown` when one is
 * given (shared as `addFit` is). Reads only the rules the state has: a lead's state holds a few of
 * the model's rules, and looking up the absent ones by id cost more than the rest of the score.
 */
function addEngagement(
  state: ScoreState,
  model: ScoringModel,
  now: Date,
  breakdown: ScoreBreakdownItem[] | null,
): number {
  const factor = getDecayFactor(state, model, now);
  const { positionsOf } = getEngagementRuleIndex(model);
  const positions: number[] = [];
  for (const ruleId in state.rules) {
    for (const position of positionsOf.get(ruleId) ?? []) {
      // Insertion in order: a handful of entries, where Array#sort's comparator calls (and
      // `splice`'s array of removed items) cost more.
      let i = positions.length;
      positions.push(position);
      for (; i > 0 && (positions[i - 1] as number) > position; i -= 1) positions[i] = positions[i - 1] as number;
      positions[i] = position;
    }
  }
  let engagement = 0;
  for (const position of positions) {
    const rule = model.engagement.rules[position] as EngagementRule;
    const points = (state.rules[rule.id] as RuleScoreState).sum * factor;
    if (points === 0) continue;
    engagement += points;
    breakdown?.push({ ruleId: rule.id, label: rule.label, dimension: 'engagement', points });
  }
  return engagement;
}

/** The MQL rule (SPEC §2.2, §2.3): total over the threshold and, when set, fit over its minimum. */
export function isMqlScore(fit: number, total: number, model: ScoringModel): boolean {
  return total >= model.mql.minTotal && (model.mql.minFit === undefined || fit >= model.mql.minFit);
}

/**
 * The journey part of the MQL rule (issue 9 §7): the lead's buying-journey stage is one the model
 * qualifies; a model without `mql.journeyStages` does not check the journey.
 */
export function isMqlJourneyStage(stage: JourneyStage, model: ScoringModel): boolean {
  return model.mql.journeyStages === undefined || model.mql.journeyStages.includes(stage);
}

/**
 * Scores a lead from its profile and stored engagement state at `now` (SPEC §2.3). The state must
 * have been built under the same model id and version.
 *
 * @example
 * const state = applyScoringSignal(createScoreState(model), event, model);
 * scoreLead({ profile, state, model, now: new Date() }).total;
 */
export function scoreLead(input: {
  profile: LeadProfile;
  state: ScoreState;
  model: ScoringModel;
  now: Date;
}): LeadScore {
  const { profile, state, model, now } = input;
  const breakdown: ScoreBreakdownItem[] = [];
  const fit = addFit(profile, model, breakdown);
  const engagement = addEngagement(state, model, now, breakdown);
  const total = fit + engagement;
  return { fit, engagement, total, isMql: isMqlScore(fit, total, model), breakdown };
}

/**
 * The fit points alone, as `scoreLead` adds them (SPEC §2.3): for a check that reads only totals,
 * as `advanceLead`'s MQL check after every event does, once per batch (the profile does not change
 * within one).
 */
export function scoreFitTotal(profile: LeadProfile, model: ScoringModel): number {
  return addFit(profile, model, null);
}

/**
 * The engagement points at `now` alone, as `scoreLead` adds them, to the last bit (SPEC §2.3):
 * `fit + engagement` with `isMqlScore` is then the MQL check of `scoreLead` without building its
 * breakdown, which cost as much as applying the event.
 *
 * @example
 * const fit = scoreFitTotal(profile, model);
 * for (const event of batch) if (draft.apply(event)) isMqlScore(fit, fit + scoreEngagementTotal(draft.state, model, now), model);
 */
export function scoreEngagementTotal(state: ScoreState, model: ScoringModel, now: Date): number {
  return addEngagement(state, model, now, null);
}

/** Scores a lead by recomputing from all its signals (SPEC §2.3); equal to the incremental path. */
export function scoreLeadFromSignals(input: {
  profile: LeadProfile;
  signals: Iterable<ScoringSignal>;
  model: ScoringModel;
  now: Date;
}): LeadScore {
  const state = buildScoreState(input.signals, input.model);
  return scoreLead({ profile: input.profile, state, model: input.model, now: input.now });
}
