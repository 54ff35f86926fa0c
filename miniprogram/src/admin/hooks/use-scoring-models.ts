import {
  type ActivationResponse,
  activationResponseSchema,
  type ScoringModelsResponse,
  scoringModelsResponseSchema,
} from '@scrm/shared';
import { api } from '../../api';
import { useApiData } from '../../hooks/use-api-data';

/** The scoring models (`/api/staff/scoring-models`, issue 15 §4): read, fit, activate, roll back. */
export function useScoringModels() {
  const models = useApiData(() =>
    api.request('/api/staff/scoring-models', { as: 'staff', schema: scoringModelsResponseSchema }),
  );
  const fitCandidate = async (): Promise<ScoringModelsResponse> => {
    const reply = await api.request('/api/staff/scoring-models/candidates', {
      as: 'staff',
      method: 'POST',
      body: {},
      schema: scoringModelsResponseSchema,
    });
    models.reload();
    return reply;
  };
  const change = async (path: string): Promise<ActivationResponse> => {
    const reply = await api.request(path, { as: 'staff', method: 'POST', schema: activationResponseSchema });
    models.reload();
    return reply;
  };
  return {
    models,
    fitCandidate,
    activate: (version: number) => change(`/api/staff/scoring-models/${version}/activate`),
    rollBack: () => change('/api/staff/scoring-models/rollback'),
  };
}
