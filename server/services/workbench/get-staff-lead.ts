/**
 * `GET /api/staff/leads/:id` (issue 9 §3): the lead page. The full phone number is shown here
 * only, and every view of it is written to the audit log (SPEC §4) in the same transaction as the
 * read. Outside the caller's scope the lead does not exist (404).
 */
import { STAFF_MESSAGES, type StaffLeadDetail } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { findCampus, findCourse } from '../../db/queries/catalog.js';
import { listLeadTransitionRows } from '../../db/queries/lead-history.js';
import { listAssignmentRows, listEnrolmentRows, listNoteRows } from '../../db/queries/lead-timeline.js';
import { insertAuditEntry } from '../../db/queries/staff-actions.js';
import { findStaffName, findVisibleLead } from '../../db/queries/staff-leads.js';
import { listLeadBookingsWithSessions } from '../../db/queries/trials.js';
import { AppError } from '../../http/app-error.js';
import { toLeadProfile } from '../leads/lead-domain-state.js';
import { isRegisteredLead } from '../leads/lead-guards.js';
import { getActiveScoringModel } from '../leads/record-lead-signals.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { readTimelinePage } from './list-lead-timeline.js';
import { listAllowedActions, toJourneyHistory, toLifecycleHistory, toStaffScore } from './staff-lead-detail.js';
import { toStaffLeadListItem } from './staff-lead-view.js';

const TIMELINE_PAGE = 20;

export async function getStaffLead(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { access: StaffAccess; leadId: string },
): Promise<StaffLeadDetail> {
  const { access, leadId } = options;
  const now = ctx.now();
  const row = await findVisibleLead(ctx.db, leadId, access);
  if (!row) throw new AppError('not_found', `Lead ${leadId} not visible`, { userMessage: STAFF_MESSAGES.leadNotFound });
  const [model, ownerName, transitions, bookings, notes, assignments, enrolments, timeline, campus, course] =
    await Promise.all([
      ctx.db.transaction((tx) => getActiveScoringModel(tx)),
      findStaffName(ctx.db, row.ownerAdvisorId),
      listLeadTransitionRows(ctx.db, leadId),
      listLeadBookingsWithSessions(ctx.db, leadId),
      listNoteRows(ctx.db, leadId),
      listAssignmentRows(ctx.db, leadId),
      listEnrolmentRows(ctx.db, leadId),
      readTimelinePage(ctx.db, { leadId, limit: TIMELINE_PAGE }),
      row.campusId ? findCampus(ctx.db, row.campusId) : null,
      row.courseInterest ? findCourse(ctx.db, row.courseInterest) : null,
    ]);
  if (row.phone) await insertAuditEntry(ctx.db, { staffId: access.staffId, action: 'phone_reveal', leadId, at: now });
  const profile = toLeadProfile(row);
  return {
    lead: {
      ...toStaffLeadListItem(row, ownerName, now),
      phone: row.phone,
      isRegistered: isRegisteredLead(row),
      role: profile.role,
      gradeBand: profile.gradeBand,
      city: row.city,
      campusReach: profile.campusReach,
      campus: campus ? { id: campus.id, name: campus.name } : null,
      course: course ? { id: course.id, name: course.name } : null,
      bant: {
        budgetBand: profile.budgetBand,
        decisionMaker: profile.decisionMaker,
        need: profile.need,
        timeline: profile.timeline,
      },
      consent:
        row.consentPolicyVersion && row.consentAgreedAt
          ? { policyVersion: row.consentPolicyVersion, agreedAt: row.consentAgreedAt.toISOString() }
          : null,
      nurtureHoldSince: row.nurtureHoldSince?.toISOString() ?? null,
    },
    score: toStaffScore(row, model, now),
    lifecycleHistory: toLifecycleHistory(transitions),
    journeyHistory: toJourneyHistory(transitions),
    timeline,
    bookings: bookings.map(({ booking, session }) => ({
      id: booking.id,
      status: booking.status,
      startsAt: session.startsAt.toISOString(),
      courseName: session.courseName,
      campusName: session.campusName,
    })),
    notes: notes.map((n) => ({ id: n.id, text: String(n.props.note ?? ''), at: n.at.toISOString(), by: n.by })),
    assignments: assignments.map(({ assignment: a, advisorName }) => ({
      advisor: { id: a.advisorId, name: advisorName },
      kind: a.kind,
      reason: a.reason,
      assignedAt: a.assignedAt.toISOString(),
      slaDueAt: a.slaDueAt?.toISOString() ?? null,
      acceptedAt: a.acceptedAt?.toISOString() ?? null,
      endedAt: a.endedAt?.toISOString() ?? null,
      endReason: a.endReason,
    })),
    enrolments: enrolments.map(({ enrolment: e, courseName }) => ({
      id: e.id,
      course: { id: e.courseId, name: courseName },
      amountFen: e.amountFen,
      enrolledOn: e.enrolledOn,
    })),
    allowedActions: listAllowedActions(
      row,
      access,
      bookings.some((b) => b.booking.status === 'booked'),
    ),
    viewer: { id: access.staffId, role: access.role },
  };
}
