/**
 * An advisor claims a lead from their campus's pool (issue 9 §4). The pool's rules hold under
 * concurrent claims: the lead's row lock makes one of two claimers win (the other finds it owned:
 * 409); the claimer's own staff row is then locked, so their daily claim limit and their cap on
 * held (unaccepted) leads are counted one claim at a time. Capacity, course and campus are checked
 * as routing checks them (`findAssignmentBlocker`). The claimed lead must be accepted within the
 * SLA like a routed one.
 */
import {
  ASSIGNMENT_BLOCKER_LABELS,
  findAssignmentBlocker,
  STAFF_MESSAGES,
  type StaffLeadActionResponse,
} from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import {
  countClaimsSince,
  countHeldLeads,
  countOpenLeads,
  listExcludedAdvisors,
} from '../../db/queries/assignments.js';
import type { LeadRow } from '../../db/queries/leads.js';
import { lockStaff } from '../../db/queries/staff.js';
import { AppError } from '../../http/app-error.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { getWorkbenchSettings } from '../staff/workbench-settings.js';
import { type LeadActionContext, recordStaffSignal, runLeadAction } from './run-lead-action.js';

const DAY_MS = 86_400_000;

/** Local midnight of `now` in the institution's time zone (the claim limit is per calendar day). */
export function startOfLocalDay(now: Date, utcOffsetMinutes: number): Date {
  const offset = utcOffsetMinutes * 60_000;
  return new Date(Math.floor((now.getTime() + offset) / DAY_MS) * DAY_MS - offset);
}

const conflict = (message: string, userMessage: string) => new AppError('conflict', message, { userMessage });

async function assertCanClaim(tx: Transaction, lead: LeadRow, advisorId: string, now: Date): Promise<void> {
  if (lead.ownerAdvisorId) {
    const mine = lead.ownerAdvisorId === advisorId;
    throw conflict('Lead is not in the pool', mine ? STAFF_MESSAGES.leadAlreadyYours : STAFF_MESSAGES.leadOwnedByOther);
  }
  // Kept away from whoever returned it or let its accept lapse (SPEC §2.4), claims included.
  if ((await listExcludedAdvisors(tx, lead.id)).includes(advisorId)) {
    throw conflict('Advisor returned or missed this lead', STAFF_MESSAGES.claimAfterReturn);
  }
  const advisor = await lockStaff(tx, advisorId);
  if (!advisor) throw new Error(`staff ${advisorId} vanished`);
  const settings = await getWorkbenchSettings(tx);
  const since = startOfLocalDay(now, settings.workingHours.utcOffsetMinutes);
  if ((await countClaimsSince(tx, advisorId, since)) >= settings.dailyClaimLimit) {
    throw conflict('Daily claim limit reached', STAFF_MESSAGES.claimLimitReached);
  }
  if ((await countHeldLeads(tx, advisorId)) >= settings.maxHeldLeads) {
    throw conflict('Held-lead cap reached', STAFF_MESSAGES.heldLimitReached);
  }
  const open = (await countOpenLeads(tx, [advisorId])).get(advisorId) ?? 0;
  const blocker = findAssignmentBlocker(
    { id: lead.id, campusId: lead.campusId ?? undefined, courseId: lead.courseInterest ?? undefined },
    {
      id: advisorId,
      campusId: lead.campusId ?? '',
      courseIds: advisor.courseIds,
      capacity: advisor.capacity,
      openLeadCount: open,
      isActive: advisor.isActive,
    },
  );
  if (blocker) throw conflict(`Advisor cannot take the lead: ${blocker}`, ASSIGNMENT_BLOCKER_LABELS[blocker]);
}

export function claimLead(
  ctx: LeadActionContext,
  options: { access: StaffAccess; leadId: string; requestId: string },
): Promise<StaffLeadActionResponse> {
  const { access, leadId, requestId } = options;
  return runLeadAction(ctx, {
    access,
    leadId,
    requestId,
    kind: 'claim',
    payload: {},
    lockVisibility: { ...access, scope: 'campus' },
    act: async (tx, lead, now) => {
      await assertCanClaim(tx, lead, access.staffId, now);
      return recordStaffSignal(
        tx,
        leadId,
        {
          id: requestId,
          type: 'lead_assigned',
          occurredAt: now.toISOString(),
          advisorId: access.staffId,
          assignment: 'claimed',
        },
        now,
      );
    },
  });
}
