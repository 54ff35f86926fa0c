/**
 * An advisor returns a lead they hold to the pool (SPEC §2.4, issue 9 §4), with a reason from the
 * list and free text: the domain's `advisor_return` signal takes the score penalty, moves the lead
 * back to nurture under a hold (issue 9 §7), and the stored action keeps the lead away from this
 * advisor when routing hands it over again.
 */
import { type ReturnLeadRequest, returnLead, STAFF_MESSAGES, type StaffLeadActionResponse } from '@scrm/shared';
import { AppError } from '../../http/app-error.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { type LeadActionContext, runLeadAction } from './run-lead-action.js';

export function returnLeadToPool(
  ctx: LeadActionContext,
  options: { access: StaffAccess; leadId: string; request: ReturnLeadRequest },
): Promise<StaffLeadActionResponse> {
  const { access, leadId, request } = options;
  return runLeadAction(ctx, {
    access,
    leadId,
    requestId: request.requestId,
    kind: 'return',
    payload: { reason: request.reason, ...(request.note ? { note: request.note } : {}) },
    act: async (tx, lead, now) => {
      const returned = returnLead({
        leadId,
        ownerAdvisorId: lead.ownerAdvisorId,
        advisorId: access.staffId,
        at: now.toISOString(),
        reason: request.reason,
        returnId: request.requestId,
      });
      if (!returned.ok) {
        throw new AppError('conflict', returned.reason, { userMessage: STAFF_MESSAGES.leadNotOwned });
      }
      return recordLeadSignals(tx, { leadId, signals: [returned.signal], now });
    },
  });
}
