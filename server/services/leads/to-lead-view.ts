/**
 * A lead row as its owner sees it (`LeadView`, shared/contracts/leads.ts): masked phone, both
 * stages, and the score at `now` with its breakdown (SPEC §2.3 "every score is explainable").
 */
import {
  DEFAULT_SCORING_MODEL,
  isJourneyStage,
  isLifecycleStage,
  type LeadScoreView,
  type LeadView,
  maskPhone,
  type ScoringModel,
  scoreLead,
} from '@scrm/shared';
import type { LeadRow } from '../../db/queries/leads.js';
import { findScoreState, toLeadProfile } from './lead-domain-state.js';
import { isRegisteredLead } from './lead-guards.js';

function toScoreView(row: LeadRow, model: ScoringModel, now: Date): LeadScoreView {
  const state = findScoreState(row, model);
  if (state) return scoreLead({ profile: toLeadProfile(row), state, model, now });
  // Scored under another model version and not touched since: the stored copies, unexplained.
  return { total: row.scoreTotal, fit: row.scoreFit, engagement: row.scoreEngagement, isMql: false, breakdown: [] };
}

export function toLeadView(row: LeadRow, now: Date, model: ScoringModel = DEFAULT_SCORING_MODEL): LeadView {
  const profile = toLeadProfile(row);
  return {
    id: row.id,
    isRegistered: isRegisteredLead(row),
    name: row.name,
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    role: profile.role,
    grade: profile.gradeBand,
    timeline: profile.timeline,
    courseId: row.courseInterest,
    campusId: row.campusId,
    lifecycleStage: isLifecycleStage(row.lifecycleStage) ? row.lifecycleStage : 'awareness',
    journeyStage: isJourneyStage(row.journeyStage) ? row.journeyStage : 'unaware',
    score: toScoreView(row, model, now),
    createdAt: row.createdAt.toISOString(),
  };
}
