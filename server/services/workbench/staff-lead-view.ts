/**
 * A lead row as the workbench lists it (issue 9 §3, `staffLeadListItemSchema`): masked phone,
 * lifecycle stage with its ordinal (`MQL-02`), journey stage, score, owner and the accept SLA.
 */
import {
  formatStageOrdinal,
  isJourneyStage,
  isLifecycleStage,
  JOURNEY_STAGE_LABELS,
  type JourneyStage,
  LIFECYCLE_STAGE_LABELS,
  type LifecycleStage,
  maskPhone,
  type StaffLeadListItem,
} from '@scrm/shared';
import type { LeadRow } from '../../db/queries/leads.js';

export function toLifecycleStage(value: string): LifecycleStage {
  return isLifecycleStage(value) ? value : 'awareness';
}

export function toJourneyStage(value: string): JourneyStage {
  return isJourneyStage(value) ? value : 'unaware';
}

/** One decimal is what a person reads; the stored float4 carries noise below that. */
export const roundScore = (score: number) => Math.round(score * 10) / 10;

export function toStaffLeadListItem(row: LeadRow, ownerName: string | null, now: Date): StaffLeadListItem {
  const stage = toLifecycleStage(row.lifecycleStage);
  const journey = toJourneyStage(row.journeyStage);
  const ordinal = Math.max(1, row.lifecycleArrivals[stage] ?? 1);
  const isAwaitingAccept = row.ownerAdvisorId !== null && row.ownerAcceptedAt === null;
  return {
    id: row.id,
    name: row.name,
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    lifecycleStage: stage,
    stageOrdinal: ordinal,
    stageCode: formatStageOrdinal(stage, ordinal),
    stageLabel: LIFECYCLE_STAGE_LABELS[stage],
    journeyStage: journey,
    journeyLabel: JOURNEY_STAGE_LABELS[journey],
    score: roundScore(row.scoreTotal),
    owner: row.ownerAdvisorId ? { id: row.ownerAdvisorId, name: ownerName ?? '' } : null,
    acceptedAt: row.ownerAcceptedAt?.toISOString() ?? null,
    slaDueAt: isAwaitingAccept ? (row.slaDueAt?.toISOString() ?? null) : null,
    isOverdue: isAwaitingAccept && row.slaDueAt !== null && row.slaDueAt < now,
    lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
    nextFollowUpAt: row.nextFollowUpAt?.toISOString() ?? null,
    source: row.source,
    campusId: row.campusId,
    createdAt: row.createdAt.toISOString(),
  };
}
