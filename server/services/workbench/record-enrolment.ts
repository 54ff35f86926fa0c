/**
 * Recording an enrolment (issue 9 §4): the course, the amount in fen and the day it was signed.
 * The enrolment row holds the value analytics sums (SPEC §2.6); the `enrolled` touchpoint (same
 * id) makes the lead a customer, or starts its next customer cycle (issue 9 §7).
 */
import { type RecordEnrolmentRequest, STAFF_MESSAGES, type StaffLeadActionResponse } from '@scrm/shared';
import { findCourse } from '../../db/queries/catalog.js';
import { insertEnrolment } from '../../db/queries/lead-work.js';
import { AppError } from '../../http/app-error.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { type LeadActionContext, runLeadAction } from './run-lead-action.js';

/** Asia/Shanghai is UTC+8 all year: its calendar day is a fixed offset. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const toShanghaiDate = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** When the touchpoint happened: now for today's enrolment, noon (Shanghai) of an earlier day. */
function enrolledAt(enrolledOn: string, now: Date): Date {
  return enrolledOn === toShanghaiDate(now) ? now : new Date(`${enrolledOn}T12:00:00+08:00`);
}

export function recordEnrolment(
  ctx: LeadActionContext,
  options: { access: StaffAccess; leadId: string; request: RecordEnrolmentRequest },
): Promise<StaffLeadActionResponse> {
  const { access, leadId, request } = options;
  if (request.enrolledOn > toShanghaiDate(ctx.now())) {
    throw new AppError('validation_failed', 'enrolledOn: in the future', { userMessage: STAFF_MESSAGES.dateInFuture });
  }
  return runLeadAction(ctx, {
    access,
    leadId,
    requestId: request.requestId,
    kind: 'enrolment',
    payload: { courseId: request.courseId, amountFen: request.amountFen, enrolledOn: request.enrolledOn },
    act: async (tx, _lead, now) => {
      if (!(await findCourse(tx, request.courseId))) {
        throw new AppError('validation_failed', 'courseId: unknown course', {
          userMessage: STAFF_MESSAGES.courseNotFound,
        });
      }
      await insertEnrolment(tx, {
        id: request.requestId,
        leadId,
        courseId: request.courseId,
        amountFen: request.amountFen,
        enrolledOn: request.enrolledOn,
        recordedByStaffId: access.staffId,
        createdAt: now,
      });
      return recordLeadSignals(tx, {
        leadId,
        signals: [
          {
            id: request.requestId,
            type: 'enrolled',
            occurredAt: enrolledAt(request.enrolledOn, now).toISOString(),
            props: { courseId: request.courseId, amountFen: request.amountFen },
          },
        ],
        now,
      });
    },
  });
}
