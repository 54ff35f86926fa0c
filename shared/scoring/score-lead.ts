/**
 * The lead's score (SPEC §2.3): fit from the profile, engagement from the stored state, their total,
 * whether it qualifies as MQL, and a breakdown an advisor can read.
 */

import type { JourneyStage } from '../journey/stages.js';
import type { FitField, LeadProfile } from './lead-profile.js';
import { getEngagementRuleIndex } from './rule-index.js';
import { buildScoreState, getDecayFactor, type ScoreState } from './score-state.js';
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
  // As getEngagementAt, in model order, reading only the rules that have a sum: this runs once
  // per event (advanceLead), and a lead's state holds a few of the model's rules.
  const factor = getDecayFactor(state, model, now);
  const { positionsOf } = getEngagementRuleIndex(model);
  const positions: number[] = [];
  for (const ruleId in state.sums) {
    for (const position of positionsOf.get(ruleId) ?? []) {
      // Insertion in order: a handful of entries, where Array#sort's comparator calls cost more.
      let i = positions.length;
      while (i > 0 && (positions[i - 1] as number) > position) i -= 1;
      positions.splice(i, 0, position);
    }
  }
  let engagement = 0;
  for (const position of positions) {
    const rule = model.engagement.rules[position] as EngagementRule;
    const points = (state.sums[rule.id] as number) * factor;
    if (points === 0) continue;
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
