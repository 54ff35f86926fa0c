import { getStaffMeResponseSchema } from '@scrm/shared';
import { api } from '../../api';
import { useApiData } from '../../hooks/use-api-data';

/** The workbench header (`GET /api/staff/me`): my limits and today's counters. */
export function useStaffMe() {
  return useApiData(() => api.request('/api/staff/me', { as: 'staff', schema: getStaffMeResponseSchema }));
}
