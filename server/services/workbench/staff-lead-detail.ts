/**
 * Pieces of the lead page (issue 9 §3), as pure mappings from rows: the score with every rule's
 * reason, the lifecycle and journey histories with ordinals and causes, and the actions the viewer
 * may take now (the page shows those buttons only; the routes check again).
 */
import {
  formatStageOrdinal,
  isJourneyStage,
  isLifecycleStage,
  isMqlJourneyStage,
  JOURNEY_STAGE_LABELS,
  LIFECYCLE_STAGE_LABELS,
  type ScoringModel,
  type StaffLeadAction,
  type StaffLeadDetail,
  scoreLead,
} from '@scrm/shared';
import type { LeadRow } from '../../db/queries/leads.js';
import type { stageTransitions } from '../../db/schema/index.js';
import { findScoreState, toLeadProfile } from '../leads/lead-domain-state.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { roundScore, toJourneyStage } from './staff-lead-view.js';

type TransitionRow = typeof stageTransitions.$inferSelect;

/** The score at `now` with its breakdown; a lead scored under another model version shows its stored copies. */
export function toStaffScore(row: LeadRow, model: ScoringModel, now: Date): StaffLeadDetail['score'] {
  const state = findScoreState(row, model);
  if (!state) {
    const total = roundScore(row.scoreTotal);
    return {
      total,
      fit: row.scoreFit,
      engagement: row.scoreEngagement,
      isMql: false,
      modelVersion: row.scoringModelVersion,
      breakdown: [],
    };
  }
  const score = scoreLead({ profile: toLeadProfile(row), state, model, now });
  return {
    total: roundScore(score.total),
    fit: roundScore(score.fit),
    engagement: roundScore(score.engagement),
    isMql: score.isMql && isMqlJourneyStage(toJourneyStage(row.journeyStage), model),
    modelVersion: model.version,
    // A rule worth less than the tenth of a point shown (a few seconds on a page) is not a reason
    // an advisor can act on: a line reading "浏览页面 0" only raises a question.
    breakdown: score.breakdown.map((b) => ({ ...b, points: roundScore(b.points) })).filter((b) => b.points !== 0),
  };
}

const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

export function toLifecycleHistory(rows: readonly TransitionRow[]): StaffLeadDetail['lifecycleHistory'] {
  return rows.flatMap((t) => {
    if (t.model !== 'lifecycle' || !isLifecycleStage(t.toStage)) return [];
    const from = t.fromStage && isLifecycleStage(t.fromStage) ? t.fromStage : null;
    return [
      {
        from,
        to: t.toStage,
        ordinal: t.ordinal,
        code: formatStageOrdinal(t.toStage, t.ordinal),
        stageLabel: LIFECYCLE_STAGE_LABELS[t.toStage],
        causeLabel: text(t.cause.label, '阶段变化'),
        ruleId: text(t.cause.ruleId, 'unknown'),
        at: t.at.toISOString(),
      },
    ];
  });
}

export function toJourneyHistory(rows: readonly TransitionRow[]): StaffLeadDetail['journeyHistory'] {
  return rows.flatMap((t) => {
    if (t.model !== 'journey' || !isJourneyStage(t.toStage)) return [];
    const from = t.fromStage && isJourneyStage(t.fromStage) ? t.fromStage : null;
    return [
      {
        from,
        to: t.toStage,
        ordinal: t.ordinal,
        stageLabel: JOURNEY_STAGE_LABELS[t.toStage],
        reason: text(t.cause.reason, ''),
        at: t.at.toISOString(),
      },
    ];
  });
}

/**
 * What the viewer may do (issue 9 §4), as the access table and the lead's state allow: the holder
 * accepts or releases an unaccepted lead and returns one; an advisor claims a pool lead; the
 * holder and a manager of the campus log work, edit BANT, mark attendance and record enrolments.
 */
export function listAllowedActions(row: LeadRow, access: StaffAccess, hasOpenBooking: boolean): StaffLeadAction[] {
  const isHolder = row.ownerAdvisorId === access.staffId;
  const actions: StaffLeadAction[] = [];
  if (access.role === 'advisor') {
    if (!row.ownerAdvisorId) actions.push('claim');
    if (isHolder && !row.ownerAcceptedAt) actions.push('accept', 'release');
    if (isHolder) actions.push('return');
  }
  if (isHolder || access.role === 'manager') {
    actions.push('follow_up', 'qualify', 'enrol');
    if (hasOpenBooking) actions.push('attendance');
  }
  return actions;
}
