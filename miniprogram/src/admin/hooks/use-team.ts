import { listTeamResponseSchema, type TransferAdvisorResponse, transferAdvisorResponseSchema } from '@scrm/shared';
import { api } from '../../api';
import { useApiData } from '../../hooks/use-api-data';
import { createUuidV4, getPlatformRandomBytes } from '../../tracking/uuid';

/** A manager's advisors (`GET /api/staff/team`) and a leaver's hand-over. */
export function useTeam() {
  const team = useApiData(() => api.request('/api/staff/team', { as: 'staff', schema: listTeamResponseSchema }));
  const transfer = async (advisorId: string): Promise<TransferAdvisorResponse> => {
    const reply = await api.request(`/api/staff/advisors/${advisorId}/transfer`, {
      as: 'staff',
      method: 'POST',
      body: { requestId: createUuidV4(getPlatformRandomBytes()) },
      schema: transferAdvisorResponseSchema,
    });
    team.reload();
    return reply;
  };
  return { team, transfer };
}
