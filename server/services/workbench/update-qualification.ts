/**
 * Editing a lead's BANT fields (SPEC §2.3, issue 9 §4): budget, authority (who decides), need and
 * timeline are profile fields of the fit score, so the change goes through the signal path as a
 * profile update: the fit ledger explains the new points and the lifecycle may move (`target`).
 */
import type { StaffLeadActionResponse, UpdateQualificationRequest } from '@scrm/shared';
import { toLeadProfile } from '../leads/lead-domain-state.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { type LeadActionContext, runLeadAction } from './run-lead-action.js';

export function updateQualification(
  ctx: LeadActionContext,
  options: { access: StaffAccess; leadId: string; request: UpdateQualificationRequest },
): Promise<StaffLeadActionResponse> {
  const { access, leadId, request } = options;
  const { requestId, ...bant } = request;
  return runLeadAction(ctx, {
    access,
    leadId,
    requestId,
    kind: 'qualification',
    payload: bant,
    act: (tx, lead, now) =>
      recordLeadSignals(tx, { leadId, signals: [], profile: { ...toLeadProfile(lead), ...bant }, now }),
  });
}
