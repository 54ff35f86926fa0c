// PUT /api/staff/settings — change the workbench settings (an institution-wide manager).
import { updateWorkbenchSettingsRequestSchema, workbenchSettingsResponseSchema } from '@scrm/shared';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { updateWorkbenchSettings } from '../../services/staff/workbench-settings-admin.js';

export const putWorkbenchSettingsRoute = defineRoute({
  method: 'put',
  path: '/staff/settings',
  summary: 'Change the workbench settings (institution-wide managers)',
  tags: ['staff'],
  request: { json: updateWorkbenchSettingsRequestSchema },
  response: workbenchSettingsResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('PUT /staff/settings')],
  handler: ({ ctx, c, json }) => updateWorkbenchSettings(ctx, { access: getStaffAccess(c), request: json }),
});
