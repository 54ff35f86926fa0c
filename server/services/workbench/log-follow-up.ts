/**
 * Logging a call, a WeChat chat, a visit or a note (issue 9 §4): an `advisor_call` or
 * `advisor_note` touchpoint whose id is the request id, scored and staged by the one signal path,
 * and the lead's next follow-up time when one is given.
 */
import {
  type LogFollowUpRequest,
  STAFF_MESSAGES,
  type StaffLeadActionResponse,
  type TouchpointEvent,
} from '@scrm/shared';
import { setNextFollowUp } from '../../db/queries/lead-work.js';
import { AppError } from '../../http/app-error.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { type LeadActionContext, runLeadAction } from './run-lead-action.js';

/** A phone's clock may run a little fast; more than this ahead is not a time that has happened. */
const CLOCK_SKEW_MS = 5 * 60_000;

function toTouchpoint(request: LogFollowUpRequest, advisorId: string, occurredAt: string): TouchpointEvent {
  if (request.kind === 'note') {
    return { id: request.requestId, type: 'advisor_note', occurredAt, props: { advisorId, note: request.note ?? '' } };
  }
  return {
    id: request.requestId,
    type: 'advisor_call',
    occurredAt,
    props: {
      advisorId,
      outcome: request.outcome ?? 'connected',
      medium: request.kind === 'call' ? 'phone' : request.kind,
      ...(request.note ? { note: request.note } : {}),
      ...(request.durationSec !== undefined ? { durationSec: request.durationSec } : {}),
      ...(request.nextFollowUpAt ? { nextFollowUpAt: request.nextFollowUpAt } : {}),
    },
  };
}

function assertPlausibleTimes(request: LogFollowUpRequest, now: Date): void {
  if (request.occurredAt && Date.parse(request.occurredAt) > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError('validation_failed', 'occurredAt: in the future', { userMessage: STAFF_MESSAGES.timeInFuture });
  }
  if (request.nextFollowUpAt && Date.parse(request.nextFollowUpAt) <= now.getTime()) {
    throw new AppError('validation_failed', 'nextFollowUpAt: not in the future', {
      userMessage: STAFF_MESSAGES.followUpInPast,
    });
  }
}

export function logFollowUp(
  ctx: LeadActionContext,
  options: { access: StaffAccess; leadId: string; request: LogFollowUpRequest },
): Promise<StaffLeadActionResponse> {
  const { access, leadId, request } = options;
  assertPlausibleTimes(request, ctx.now());
  return runLeadAction(ctx, {
    access,
    leadId,
    requestId: request.requestId,
    kind: 'follow_up',
    payload: { kind: request.kind, ...(request.outcome ? { outcome: request.outcome } : {}) },
    act: async (tx, _lead, now) => {
      const occurredAt = request.occurredAt ?? now.toISOString();
      if (request.nextFollowUpAt) await setNextFollowUp(tx, leadId, new Date(request.nextFollowUpAt));
      return recordLeadSignals(tx, { leadId, signals: [toTouchpoint(request, access.staffId, occurredAt)], now });
    },
  });
}
