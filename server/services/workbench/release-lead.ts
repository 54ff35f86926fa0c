/**
 * An advisor gives back a lead they hold but have not accepted (issue 9 §4 "claim a pool lead and
 * release it"): no penalty, straight back to the pool. An accepted lead is returned instead, with
 * a reason (409 otherwise).
 */
import type { StaffLeadActionResponse } from '@scrm/shared';
import type { StaffAccess } from '../staff/staff-access.js';
import { type LeadActionContext, recordStaffSignal, runLeadAction } from './run-lead-action.js';

export function releaseLead(
  ctx: LeadActionContext,
  options: { access: StaffAccess; leadId: string; requestId: string },
): Promise<StaffLeadActionResponse> {
  const { access, leadId, requestId } = options;
  return runLeadAction(ctx, {
    access,
    leadId,
    requestId,
    kind: 'release',
    payload: {},
    act: async (tx, _lead, now) => {
      return recordStaffSignal(
        tx,
        leadId,
        { id: requestId, type: 'lead_released', occurredAt: now.toISOString(), advisorId: access.staffId },
        now,
      );
    },
  });
}
