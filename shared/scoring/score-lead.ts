/**
 * The lead's score (SPEC §2.3): fit from the profile, engagement from the stored state, their total,
 * whether it qualifies as MQL, and a breakdown an advisor can read.
 */

import type { JourneyStage } from '../journey/stages.js';
import type { LeadProfile } from './lead-profile.js';
import { buildScoreState, getEngagementAt, type ScoreState } from './score-state.js';
import type { FitRule, ScoringModel } from './scoring-model.js';
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
  const value = profile[rule.field];
  if (value === undefined || value === 'unknown') return false;
  return rule.anyOf ? rule.anyOf.includes(value) : true;
}

/** The fit score and its breakdown (SPEC §2.3 "fit: who they are"). */
export function scoreFit(profile: LeadProfile, model: ScoringModel): { fit: number; breakdown: ScoreBreakdownItem[] } {
  let fit = 0;
  const breakdown: ScoreBreakdownItem[] = [];
  for (const rule of model.fit.rules) {
    if (rule.points === 0 || !isFitRuleMatch(rule, profile)) continue;
    fit += rule.points;
    breakdown.push({ ruleId: rule.id, label: rule.label, dimension: 'fit', points: rule.points });
  }
  return { fit, breakdown };
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
  const { fit, breakdown } = scoreFit(profile, model);
  const perRule = getEngagementAt(state, model, now);
  let engagement = 0;
  for (const rule of model.engagement.rules) {
    const points = perRule[rule.id];
    if (points === undefined || points === 0) continue;
    engagement += points;
    breakdown.push({ ruleId: rule.id, label: rule.label, dimension: 'engagement', points });
  }
  const total = fit + engagement;
  return { fit, engagement, total, isMql: isMqlScore(fit, total, model), breakdown };
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
