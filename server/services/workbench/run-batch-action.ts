/**
 * The frame of a manager's action over many leads (issue 9 §4: reassign, transfer), idempotent on
 * retry like the one-lead actions (`run-lead-action.ts`): the request id is recorded with the
 * staff member and kind, the answer is kept in the action's payload, and a retry gets that answer
 * back with `isReplay: true`. Notifications the action queued are delivered after commit.
 */
import { STAFF_MESSAGES } from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import { findStaffAction, insertStaffAction, saveStaffActionPayload } from '../../db/queries/staff-actions.js';
import type { StaffActionKind } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import { deliverStaffNotifications } from '../routing/notify-advisors.js';
import type { StaffAccess } from '../staff/staff-access.js';
import type { LeadActionContext } from './run-lead-action.js';

export async function runBatchAction<T extends { isReplay: boolean }>(
  ctx: LeadActionContext,
  options: {
    access: StaffAccess;
    requestId: string;
    kind: StaffActionKind;
    act: (tx: Transaction, now: Date) => Promise<{ response: T; isNotificationQueued: boolean }>;
  },
): Promise<T> {
  const replay = async (): Promise<T> => {
    const seen = await findStaffAction(ctx.db, options.requestId);
    if (!seen || seen.staffId !== options.access.staffId || seen.kind !== options.kind || seen.leadId !== null) {
      throw new AppError('conflict', `Request id ${options.requestId} belongs to another action`, {
        userMessage: STAFF_MESSAGES.requestIdReused,
      });
    }
    return { ...(seen.payload as T), isReplay: true };
  };
  if (await findStaffAction(ctx.db, options.requestId)) return replay();
  const now = ctx.now();
  const done = await ctx.db.transaction(async (tx) => {
    const isFirst = await insertStaffAction(tx, {
      id: options.requestId,
      staffId: options.access.staffId,
      leadId: null,
      kind: options.kind,
      payload: {},
      at: now,
    });
    if (!isFirst) return null;
    const outcome = await options.act(tx, now);
    await saveStaffActionPayload(tx, options.requestId, outcome.response);
    return outcome;
  });
  if (!done) return replay();
  if (done.isNotificationQueued) await deliverStaffNotifications(ctx);
  return done.response;
}
