/** `GET /api/staff/team` (issue 9 §4): the manager's advisors with their load, SLA misses and conversion. */
import { type ListTeamQuery, type ListTeamResponse, STAFF_MESSAGES } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { listStaffInCampuses } from '../../db/queries/staff.js';
import { countTeamNumbers } from '../../db/queries/team.js';
import { AppError } from '../../http/app-error.js';
import { coversCampus, type StaffAccess } from './staff-access.js';
import { toStaffSummary } from './staff-session.js';

export async function listTeam(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { access: StaffAccess; query: ListTeamQuery },
): Promise<ListTeamResponse> {
  const { access, query } = options;
  if (query.campusId && !coversCampus(access, query.campusId)) {
    throw new AppError('forbidden', 'Campus outside scope', { userMessage: STAFF_MESSAGES.campusOutOfScope });
  }
  const staff = await listStaffInCampuses(ctx.db, query.campusId ? [query.campusId] : access.campusIds);
  const advisors = staff.filter((s) => s.role === 'advisor');
  const numbers = await countTeamNumbers(
    ctx.db,
    advisors.map((a) => a.id),
    ctx.now(),
  );
  return {
    advisors: await Promise.all(
      advisors.map(async (a) => {
        const n = numbers.get(a.id) ?? {
          open: 0,
          held: 0,
          overdue: 0,
          slaMisses30d: 0,
          accepted30d: 0,
          acceptedEver: 0,
          customers: 0,
        };
        return {
          ...(await toStaffSummary(ctx.db, a)),
          capacity: a.capacity,
          isActive: a.isActive,
          openLeads: n.open,
          heldLeads: n.held,
          overdueLeads: n.overdue,
          slaMisses30d: n.slaMisses30d,
          accepted30d: n.accepted30d,
          customers: n.customers,
          conversionRate: n.acceptedEver === 0 ? 0 : n.customers / n.acceptedEver,
        };
      }),
    ),
  };
}
