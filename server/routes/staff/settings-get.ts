// GET /api/staff/settings — the workbench settings: SLA, working hours, pool limits, template.
import { workbenchSettingsResponseSchema } from '@scrm/shared';
import { requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { readWorkbenchSettings } from '../../services/staff/workbench-settings-admin.js';

export const getWorkbenchSettingsRoute = defineRoute({
  method: 'get',
  path: '/staff/settings',
  summary: 'The workbench settings (managers)',
  tags: ['staff'],
  response: workbenchSettingsResponseSchema,
  errors: ['unauthenticated', 'forbidden'],
  middleware: [requireAccess('GET /staff/settings')],
  handler: ({ ctx }) => readWorkbenchSettings(ctx),
});
