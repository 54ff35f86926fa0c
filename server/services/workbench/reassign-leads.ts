/**
 * `POST /api/staff/leads/reassign` (issue 9 §4): a manager moves one or many leads of their
 * campuses to an advisor. Each lead is checked as routing checks an assignment (campus, course,
 * capacity, active; `findAssignmentBlocker`); a lead that cannot move stays where it is and says
 * why, the others move. Leads are locked first (id order), then the advisor: the same lock order
 * as routing, so the two cannot deadlock. The new holder must accept within the SLA.
 */
import { randomUUID } from 'node:crypto';
import {
  ASSIGNMENT_BLOCKER_LABELS,
  findAssignmentBlocker,
  type ReassignLeadsRequest,
  type ReassignLeadsResponse,
  STAFF_MESSAGES,
  STAFF_SIGNAL_REFUSAL_LABELS,
} from '@scrm/shared';
import { countOpenLeads } from '../../db/queries/assignments.js';
import { lockStaff } from '../../db/queries/staff.js';
import { lockVisibleLead } from '../../db/queries/staff-leads.js';
import { AppError } from '../../http/app-error.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import { coversCampus, type StaffAccess } from '../staff/staff-access.js';
import { runBatchAction } from './run-batch-action.js';
import type { LeadActionContext } from './run-lead-action.js';

export function reassignLeads(
  ctx: LeadActionContext,
  options: { access: StaffAccess; request: ReassignLeadsRequest },
): Promise<ReassignLeadsResponse> {
  const { access, request } = options;
  return runBatchAction(ctx, {
    access,
    requestId: request.requestId,
    kind: 'reassign',
    act: async (tx, now) => {
      const locked = [];
      for (const leadId of [...request.leadIds].sort())
        locked.push({ leadId, lead: await lockVisibleLead(tx, leadId, access) });
      const target = await lockStaff(tx, request.advisorId);
      const isTargetInScope =
        target?.role === 'advisor' && (target.isAllCampuses || target.campusIds.some((id) => coversCampus(access, id)));
      if (!target || !isTargetInScope) {
        throw new AppError('not_found', 'Advisor not in scope', { userMessage: STAFF_MESSAGES.advisorNotFound });
      }
      let open = (await countOpenLeads(tx, [target.id])).get(target.id) ?? 0;
      const response: ReassignLeadsResponse = { reassigned: [], refused: [], isReplay: false };
      let isNotificationQueued = false;
      for (const { leadId, lead } of locked) {
        if (!lead) {
          response.refused.push({ leadId, message: STAFF_MESSAGES.leadNotFound });
          continue;
        }
        const campusId = lead.campusId ?? undefined;
        const servesCampus = campusId !== undefined && (target.isAllCampuses || target.campusIds.includes(campusId));
        const blocker = findAssignmentBlocker(
          { id: lead.id, campusId, courseId: lead.courseInterest ?? undefined },
          {
            id: target.id,
            campusId: servesCampus ? campusId : '',
            courseIds: target.courseIds,
            capacity: target.capacity,
            openLeadCount: open,
            isActive: target.isActive,
          },
        );
        if (blocker) {
          response.refused.push({ leadId, message: ASSIGNMENT_BLOCKER_LABELS[blocker] });
          continue;
        }
        const result = await recordLeadSignals(tx, {
          leadId,
          signals: [],
          staffSignals: [
            {
              id: randomUUID(),
              type: 'lead_assigned',
              occurredAt: now.toISOString(),
              advisorId: target.id,
              assignment: 'reassigned',
            },
          ],
          now,
        });
        const [refusal] = result.refused;
        if (refusal) {
          response.refused.push({ leadId, message: STAFF_SIGNAL_REFUSAL_LABELS[refusal.reason] });
          continue;
        }
        response.reassigned.push(leadId);
        isNotificationQueued ||= result.isNotificationQueued;
        open += 1;
      }
      return { response, isNotificationQueued };
    },
  });
}
