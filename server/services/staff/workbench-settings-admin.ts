/**
 * `GET /api/staff/settings` (managers) and `PUT /api/staff/settings` (an institution-wide manager,
 * issue 9 §2, §4): the SLA, working hours, pool limits and the "new lead" template.
 */
import type { UpdateWorkbenchSettingsRequest, WorkbenchSettingsResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { saveSettingsDocument } from '../../db/queries/staff.js';
import type { StaffAccess } from './staff-access.js';
import { getWorkbenchSettings } from './workbench-settings.js';

export async function readWorkbenchSettings(ctx: Pick<AppContext, 'db'>): Promise<WorkbenchSettingsResponse> {
  return { settings: await getWorkbenchSettings(ctx.db) };
}

export async function updateWorkbenchSettings(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { access: StaffAccess; request: UpdateWorkbenchSettingsRequest },
): Promise<WorkbenchSettingsResponse> {
  const { settings } = options.request;
  await ctx.db.transaction((tx) => saveSettingsDocument(tx, settings, options.access.staffId, ctx.now()));
  return { settings };
}
