/**
 * What a staff request may touch (issue 9 §1): set by `requireAccess` from the access table's row
 * for the route and the staff record, read by every workbench service. Services build their lead
 * queries from it (`db/queries/staff-leads.ts` `visibleTo`), so a lead outside it is a 404.
 */
import type { StaffRole } from '@scrm/shared';
import type { LeadVisibility } from '../../db/queries/staff-leads.js';
import { AppError } from '../../http/app-error.js';

export interface StaffAccess extends LeadVisibility {
  role: StaffRole;
  name: string;
}

/** Whether the staff member works for `campusId` (an institution-wide manager works for all). */
export function coversCampus(access: Pick<StaffAccess, 'campusIds'>, campusId: string | null): boolean {
  if (access.campusIds === 'all') return true;
  return campusId !== null && access.campusIds.includes(campusId);
}

/** Managers only, within a route both roles may call (e.g. full phone numbers in an export). */
export function assertManager(access: StaffAccess, userMessage: string): void {
  if (access.role !== 'manager') throw new AppError('forbidden', `${access.role} may not do this`, { userMessage });
}
