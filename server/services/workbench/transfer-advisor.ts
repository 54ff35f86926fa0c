/**
 * `POST /api/staff/advisors/:id/transfer` (SPEC §2.4 "managers must reassign when an advisor
 * leaves", issue 9 §4): every open lead of the leaver goes to the other advisors of its campus,
 * round-robin within course and capacity (`reassignAdvisorLeads` in shared/routing); leads nobody
 * has room for, and the leaver's customers and dormant leads, go back to the pool (the win-back
 * and re-enrolment tracks work them from there); then the leaver is deactivated. Lock order as
 * routing's: the leaver's leads (id order), then cursors, then advisors.
 */
import { randomUUID } from 'node:crypto';
import {
  getRoutingPoolKey,
  type RoutingAdvisor,
  reassignAdvisorLeads,
  STAFF_MESSAGES,
  type StaffSignal,
  type TransferAdvisorResponse,
} from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import { CLOSED_STAGES, countOpenLeads, lockRoutingCursors, saveRoutingCursors } from '../../db/queries/assignments.js';
import { findStaffById, lockCampusAdvisors, updateStaff } from '../../db/queries/staff.js';
import { type LeadRow, lockLeadsOfAdvisor } from '../../db/queries/staff-leads.js';
import { AppError } from '../../http/app-error.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import { toRoutingAdvisors } from '../routing/route-on-signals.js';
import { coversCampus, type StaffAccess } from '../staff/staff-access.js';
import { runBatchAction } from './run-batch-action.js';
import type { LeadActionContext } from './run-lead-action.js';

const isOpen = (lead: LeadRow) => !(CLOSED_STAGES as readonly string[]).includes(lead.lifecycleStage);

/** The advisors of every campus the leads are in, as routing sees them per campus. */
async function loadAdvisorsOfCampuses(tx: Transaction, campusIds: readonly string[]): Promise<RoutingAdvisor[]> {
  const perCampus = [];
  for (const campusId of [...campusIds].sort())
    perCampus.push({ campusId, staff: await lockCampusAdvisors(tx, campusId) });
  const counts = await countOpenLeads(tx, [...new Set(perCampus.flatMap((c) => c.staff.map((s) => s.id)))]);
  return perCampus.flatMap(({ campusId, staff }) => toRoutingAdvisors(staff, campusId, counts));
}

async function applySignal(tx: Transaction, leadId: string, signal: StaffSignal, now: Date): Promise<boolean> {
  const result = await recordLeadSignals(tx, { leadId, signals: [], staffSignals: [signal], now });
  return result.isNotificationQueued;
}

export function transferAdvisor(
  ctx: LeadActionContext,
  options: { access: StaffAccess; advisorId: string; requestId: string },
): Promise<TransferAdvisorResponse> {
  const { access, advisorId } = options;
  return runBatchAction(ctx, {
    access,
    requestId: options.requestId,
    kind: 'transfer',
    act: async (tx, now) => {
      const leaver = await findStaffById(tx, advisorId);
      const isInScope =
        leaver?.role === 'advisor' &&
        (leaver.isAllCampuses ? access.campusIds === 'all' : leaver.campusIds.some((id) => coversCampus(access, id)));
      if (!leaver || !isInScope)
        throw new AppError('not_found', 'Advisor not in scope', { userMessage: STAFF_MESSAGES.advisorNotFound });
      const leads = await lockLeadsOfAdvisor(tx, advisorId);
      const open = leads.filter(isOpen);
      const campusIds = [...new Set(open.flatMap((l) => (l.campusId ? [l.campusId] : [])))];
      const poolKeys = open.flatMap((l) =>
        l.campusId ? [getRoutingPoolKey(l.campusId, l.courseInterest ?? undefined)] : [],
      );
      const cursor = await lockRoutingCursors(tx, poolKeys);
      const plan = reassignAdvisorLeads({
        leavingAdvisorId: advisorId,
        leads: open.map((l) => ({
          id: l.id,
          campusId: l.campusId ?? undefined,
          courseId: l.courseInterest ?? undefined,
          score: l.scoreTotal,
        })),
        advisors: await loadAdvisorsOfCampuses(tx, campusIds),
        cursor,
      });
      await saveRoutingCursors(tx, plan.cursor, now);
      const at = now.toISOString();
      let isNotificationQueued = false;
      for (const decision of plan.assigned) {
        const signal: StaffSignal = {
          id: randomUUID(),
          type: 'lead_assigned',
          occurredAt: at,
          advisorId: decision.advisorId,
          assignment: 'reassigned',
        };
        isNotificationQueued = (await applySignal(tx, decision.leadId, signal, now)) || isNotificationQueued;
      }
      const released = [...plan.pooled.map((p) => p.leadId), ...leads.filter((l) => !isOpen(l)).map((l) => l.id)];
      for (const leadId of released) {
        await applySignal(
          tx,
          leadId,
          { id: randomUUID(), type: 'lead_released', occurredAt: at, advisorId, isByManager: true },
          now,
        );
      }
      await updateStaff(tx, advisorId, { isActive: false, deactivatedAt: now });
      const response: TransferAdvisorResponse = {
        advisorId,
        reassigned: plan.assigned.length,
        pooled: plan.pooled.length,
        released: leads.length - open.length,
        deactivatedAt: at,
        isReplay: false,
      };
      return { response, isNotificationQueued };
    },
  });
}
