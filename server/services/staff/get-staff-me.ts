/** `GET /api/staff/me` (issue 9 §3): the workbench's header: who I am, my limits, my counters today. */
import type { GetStaffMeResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { countClaimsSince, countHeldLeads, countOwnLeadLoads } from '../../db/queries/assignments.js';
import { findStaffById, listCampusOptions } from '../../db/queries/staff.js';
import { startOfLocalDay } from '../workbench/claim-lead.js';
import type { StaffAccess } from './staff-access.js';
import { toStaffSummary } from './staff-session.js';
import { getWorkbenchSettings } from './workbench-settings.js';

export async function getStaffMe(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { access: StaffAccess },
): Promise<GetStaffMeResponse> {
  const { staffId } = options.access;
  const now = ctx.now();
  const staff = await findStaffById(ctx.db, staffId);
  if (!staff) throw new Error(`staff ${staffId} vanished after access was checked`);
  const settings = await getWorkbenchSettings(ctx.db);
  const [summary, campuses, { open, overdue }, held, claimedToday] = await Promise.all([
    toStaffSummary(ctx.db, staff),
    listCampusOptions(ctx.db, options.access.campusIds),
    countOwnLeadLoads(ctx.db, staffId, now),
    countHeldLeads(ctx.db, staffId),
    countClaimsSince(ctx.db, staffId, startOfLocalDay(now, settings.workingHours.utcOffsetMinutes)),
  ]);
  return {
    staff: { ...summary, capacity: staff.capacity },
    campuses,
    limits: {
      dailyClaimLimit: settings.dailyClaimLimit,
      maxHeldLeads: settings.maxHeldLeads,
      slaAcceptWorkingHours: settings.slaAcceptWorkingHours,
    },
    counts: { open, held, overdue, claimedToday },
  };
}
