/**
 * The frame of every action on one lead (issue 9 §4), so each action file says only what it does:
 *
 * 1. a request id seen before, for the same staff member, lead and kind, is a retry: it answers
 *    with the lead as it is now (`isReplay: true`) and writes nothing; for anything else, 409;
 * 2. in one transaction, the lead is locked within the route's scope (outside it: 404, the same
 *    answer as for a lead that does not exist), the action is recorded under its request id (a
 *    concurrent copy waits on the lock, then finds the id taken and answers as a replay), and the
 *    action runs; a refusal throws, and the whole transaction, action row included, rolls back;
 * 3. after commit, notifications the action queued (a reassignment) are delivered.
 */
import {
  STAFF_MESSAGES,
  STAFF_SIGNAL_REFUSAL_LABELS,
  type StaffLeadActionResponse,
  type StaffSignal,
} from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Transaction } from '../../db/client.js';
import { findLeadById, type LeadRow } from '../../db/queries/leads.js';
import { findStaffAction, insertStaffAction } from '../../db/queries/staff-actions.js';
import { findStaffName, type LeadVisibility, lockVisibleLead } from '../../db/queries/staff-leads.js';
import type { StaffActionKind } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import { type RecordLeadSignalsResult, recordLeadSignals } from '../leads/record-lead-signals.js';
import { deliverStaffNotifications } from '../routing/notify-advisors.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { toStaffLeadListItem } from './staff-lead-view.js';

export type LeadActionContext = Pick<AppContext, 'db' | 'now' | 'wechat' | 'logger'>;

export interface LeadActionOptions {
  access: StaffAccess;
  leadId: string;
  requestId: string;
  kind: StaffActionKind;
  payload: Record<string, unknown>;
  /**
   * Which leads the action locks, when wider than the route's scope: a claim locks within the
   * advisor's campuses, so the loser of a race for a pool lead hears "taken" (409), not "gone".
   */
  lockVisibility?: LeadVisibility;
  /** Does the work on the locked lead; returns the signal path's result when it used it. */
  act: (tx: Transaction, lead: LeadRow, now: Date) => Promise<RecordLeadSignalsResult | LeadRow>;
}

/** A 409 with the domain's reason in Chinese, when the lead's state refused a staff signal. */
export function assertNotRefused(result: RecordLeadSignalsResult): void {
  const [refusal] = result.refused;
  if (refusal) {
    throw new AppError('conflict', `Lead state refused the action: ${refusal.reason}`, {
      userMessage: STAFF_SIGNAL_REFUSAL_LABELS[refusal.reason],
    });
  }
}

/** Applies one staff signal to the locked lead through the signal path; a refusal is a 409. */
export async function recordStaffSignal(
  tx: Transaction,
  leadId: string,
  signal: StaffSignal,
  now: Date,
): Promise<RecordLeadSignalsResult> {
  const result = await recordLeadSignals(tx, { leadId, signals: [], staffSignals: [signal], now });
  assertNotRefused(result);
  return result;
}

async function answerReplay(ctx: LeadActionContext, options: LeadActionOptions): Promise<StaffLeadActionResponse> {
  const lead = await findLeadById(ctx.db, options.leadId);
  if (!lead)
    throw new AppError('not_found', `Lead ${options.leadId} not found`, { userMessage: STAFF_MESSAGES.leadNotFound });
  return {
    lead: toStaffLeadListItem(lead, await findStaffName(ctx.db, lead.ownerAdvisorId), ctx.now()),
    isReplay: true,
  };
}

function isSameAction(row: { staffId: string; leadId: string | null; kind: string }, options: LeadActionOptions) {
  return row.staffId === options.access.staffId && row.leadId === options.leadId && row.kind === options.kind;
}

function refuseReusedId(requestId: string): AppError {
  return new AppError('conflict', `Request id ${requestId} belongs to another action`, {
    userMessage: STAFF_MESSAGES.requestIdReused,
  });
}

export async function runLeadAction(
  ctx: LeadActionContext,
  options: LeadActionOptions,
): Promise<StaffLeadActionResponse> {
  const seen = await findStaffAction(ctx.db, options.requestId);
  if (seen) {
    if (!isSameAction(seen, options)) throw refuseReusedId(options.requestId);
    return answerReplay(ctx, options);
  }
  const now = ctx.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    const lead = await lockVisibleLead(tx, options.leadId, options.lockVisibility ?? options.access);
    if (!lead) {
      throw new AppError('not_found', `Lead ${options.leadId} not visible to ${options.access.staffId}`, {
        userMessage: STAFF_MESSAGES.leadNotFound,
      });
    }
    const isFirst = await insertStaffAction(tx, {
      id: options.requestId,
      staffId: options.access.staffId,
      leadId: options.leadId,
      kind: options.kind,
      payload: options.payload,
      at: now,
    });
    if (!isFirst) return null;
    const done = await options.act(tx, lead, now);
    const result = 'lead' in done ? done : null;
    const row = result?.lead ?? (done as LeadRow);
    return {
      lead: toStaffLeadListItem(row, await findStaffName(tx, row.ownerAdvisorId), now),
      isNotificationQueued: result?.isNotificationQueued ?? false,
    };
  });
  if (outcome === null) {
    // A concurrent copy of this request committed first.
    const row = await findStaffAction(ctx.db, options.requestId);
    if (!row || !isSameAction(row, options)) throw refuseReusedId(options.requestId);
    return answerReplay(ctx, options);
  }
  if (outcome.isNotificationQueued) await deliverStaffNotifications(ctx);
  return { lead: outcome.lead, isReplay: false };
}
