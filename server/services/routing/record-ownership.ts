/**
 * The history side of ownership changes (SPEC §2.4, issue 9 §2): for the staff signals a batch
 * applied, in the order the domain applied them, open and close assignment periods, set the
 * accept-by time of a new holder (working hours from the settings) and queue the "new lead"
 * notification. Runs in the batch's transaction, after the lead row was saved.
 */
import {
  type AdvanceLeadResult,
  type AdvisorReturnSignal,
  addWorkingMinutes,
  compareSignalOrder,
  type LeadDomainState,
  type LeadOwner,
  type ScoringSignal,
  type StaffSignal,
  type WorkbenchSettings,
} from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import {
  closeOpenAssignment,
  insertAssignment,
  insertStaffNotification,
  markOpenAssignmentAccepted,
  setLeadSlaDue,
} from '../../db/queries/assignments.js';
import { getWorkbenchSettings } from '../staff/workbench-settings.js';

export type OwnershipSignal = StaffSignal | AdvisorReturnSignal;

/** When a lead handed over at `at` must be accepted by (issue 9 §2: working hours, per installation). */
export function getSlaDueAt(at: Date, settings: WorkbenchSettings): Date {
  return addWorkingMinutes(at, settings.slaAcceptWorkingHours * 60, settings.workingHours);
}

/**
 * The ownership signals a batch applied, in the order the domain applied them (time, then id):
 * the staff signals it did not refuse, the returns it accepted, and routing's assignment.
 */
export function listOwnershipSignals(
  accepted: readonly ScoringSignal[],
  staffSignals: readonly StaffSignal[],
  result: Pick<AdvanceLeadResult, 'refused'>,
  assignment: { signal: StaffSignal } | null,
): OwnershipSignal[] {
  const refused = new Set(result.refused.map((r) => r.signalId));
  const signals: OwnershipSignal[] = [
    ...staffSignals.filter((s) => !refused.has(s.id)),
    ...accepted.filter((s): s is AdvisorReturnSignal => s.type === 'advisor_return'),
  ];
  signals.sort(compareSignalOrder);
  // Routing's assignment comes after the whole batch (it was decided on the batch's result).
  return assignment ? [...signals, assignment.signal] : signals;
}

/**
 * Writes the assignment history of `applied` (already applied by the domain, time order).
 * `routedReasons` names the routing reason of assignments routing made. Returns whether a
 * notification was queued (the caller delivers it after commit), and the accept-by time it set
 * on the lead, if any.
 */
export async function recordOwnershipChanges(
  tx: Transaction,
  input: {
    leadId: string;
    before: LeadDomainState;
    after: LeadDomainState;
    applied: readonly OwnershipSignal[];
    routedReasons?: ReadonlyMap<string, string>;
    now: Date;
  },
): Promise<{ isNotificationQueued: boolean; slaDueAt?: Date }> {
  const { leadId, now } = input;
  let owner: LeadOwner | null = input.before.owner ?? null;
  let settings: WorkbenchSettings | null = null;
  let isNotificationQueued = false;
  let heldSlaDueAt: Date | undefined;
  for (const signal of input.applied) {
    const at = new Date(signal.occurredAt);
    switch (signal.type) {
      case 'lead_assigned': {
        settings ??= await getWorkbenchSettings(tx);
        if (owner) await closeOpenAssignment(tx, leadId, 'reassigned', at);
        const slaDueAt = getSlaDueAt(at, settings);
        await insertAssignment(tx, {
          id: signal.id,
          leadId,
          advisorId: signal.advisorId,
          kind: signal.assignment,
          reason: input.routedReasons?.get(signal.id) ?? signal.assignment,
          assignedAt: at,
          slaDueAt,
        });
        const isStillHeld = input.after.owner?.assignedAt === signal.occurredAt && !input.after.owner.acceptedAt;
        if (isStillHeld) {
          await setLeadSlaDue(tx, leadId, slaDueAt);
          heldSlaDueAt = slaDueAt;
        }
        // A claim is the advisor's own doing; routed and reassigned leads are news to them.
        if (signal.assignment !== 'claimed' && settings.newLeadTemplateId) {
          await insertStaffNotification(tx, {
            id: signal.id,
            staffId: signal.advisorId,
            leadId,
            templateId: settings.newLeadTemplateId,
            createdAt: now,
          });
          isNotificationQueued = true;
        }
        owner = { advisorId: signal.advisorId, assignedAt: signal.occurredAt, acceptedAt: null };
        break;
      }
      case 'lead_accepted':
        await markOpenAssignmentAccepted(tx, leadId, at);
        owner = owner && { ...owner, acceptedAt: signal.occurredAt };
        break;
      case 'lead_released':
      case 'lead_sla_missed':
        await closeOpenAssignment(tx, leadId, signal.type === 'lead_released' ? 'released' : 'sla_missed', at);
        owner = null;
        break;
      case 'advisor_return':
        if (owner?.advisorId === signal.advisorId) {
          await closeOpenAssignment(tx, leadId, 'returned', at);
          owner = null;
        }
        break;
      default: {
        const unreachable: never = signal;
        throw new Error(`unknown ownership signal ${String(unreachable)}`);
      }
    }
  }
  return heldSlaDueAt ? { isNotificationQueued, slaDueAt: heldSlaDueAt } : { isNotificationQueued };
}
