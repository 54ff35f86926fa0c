/**
 * A lead row as its owner sees it (`LeadView`, shared/contracts/leads.ts): what the prospect told
 * us, with the phone masked. No score and no stages: that is the institution's sales language
 * about them, for staff views only (SPEC §4; issue 9 §6).
 */
import { ENROLLED_STAGES, type LeadView, maskPhone } from '@scrm/shared';
import type { LeadRow } from '../../db/queries/leads.js';
import { toLeadProfile } from './lead-domain-state.js';
import { isRegisteredLead } from './lead-guards.js';

export function toLeadView(row: LeadRow): LeadView {
  const profile = toLeadProfile(row);
  return {
    id: row.id,
    isRegistered: isRegisteredLead(row),
    isEnrolled: (ENROLLED_STAGES as readonly string[]).includes(row.lifecycleStage),
    name: row.name,
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    role: profile.role,
    grade: profile.gradeBand,
    timeline: profile.timeline,
    courseId: row.courseInterest,
    campusId: row.campusId,
    createdAt: row.createdAt.toISOString(),
  };
}
