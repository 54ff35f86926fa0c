/**
 * An advisor accepts a lead they hold (issue 9 §4): the SLA is met, and the lead becomes `sql`, or
 * `opportunity` when it already has a trial booked (issue 9 §7), through the domain's
 * `lead_accepted` signal. A lead they do not hold (it was recovered or reassigned meanwhile) or
 * have accepted already is a 409.
 */
import type { StaffLeadActionResponse } from '@scrm/shared';
import { hasBookedTrial } from '../../db/queries/lead-work.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { type LeadActionContext, recordStaffSignal, runLeadAction } from './run-lead-action.js';

export function acceptLead(
  ctx: LeadActionContext,
  options: { access: StaffAccess; leadId: string; requestId: string },
): Promise<StaffLeadActionResponse> {
  const { access, leadId, requestId } = options;
  return runLeadAction(ctx, {
    access,
    leadId,
    requestId,
    kind: 'accept',
    payload: {},
    act: async (tx, _lead, now) => {
      return recordStaffSignal(
        tx,
        leadId,
        {
          id: requestId,
          type: 'lead_accepted',
          occurredAt: now.toISOString(),
          advisorId: access.staffId,
          hasBookedTrial: await hasBookedTrial(tx, leadId),
        },
        now,
      );
    },
  });
}
