import { listTeamResponseSchema, reassignLeadsResponseSchema } from '@scrm/shared';
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ApiError, api } from '../../../api';
import { API_MESSAGES } from '../../../api/messages';
import { useApiData } from '../../../hooks/use-api-data';
import { createUuidV4, getPlatformRandomBytes } from '../../../tracking/uuid';
import { ActionSheet } from '../action-sheet';
import { ChoiceChips } from '../choice-chips';

export interface ReassignFormProps {
  leadIds: string[];
  /** Left out of the choices (the single lead's owner). */
  currentOwnerId: string | null;
  onDone: () => void;
  onClose: () => void;
}

/** 改派 (managers): hand one or many leads to an active advisor (`POST /api/staff/leads/reassign`). */
export function ReassignForm({ leadIds, currentOwnerId, onDone, onClose }: ReassignFormProps) {
  const team = useApiData(() => api.request('/api/staff/team', { as: 'staff', schema: listTeamResponseSchema }));
  const [advisorId, setAdvisorId] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const requestId = useRef(createUuidV4(getPlatformRandomBytes()));
  const advisors = (team.data?.advisors ?? []).filter(
    (a) => a.isActive && a.role === 'advisor' && a.id !== currentOwnerId,
  );
  const labels = Object.fromEntries(advisors.map((a) => [a.id, `${a.name}（${a.openLeads}/${a.capacity}）`]));

  const submit = async () => {
    if (!advisorId) return setError('请选择顾问');
    setPending(true);
    try {
      const reply = await api.request('/api/staff/leads/reassign', {
        as: 'staff',
        method: 'POST',
        body: { requestId: requestId.current, leadIds, advisorId },
        schema: reassignLeadsResponseSchema,
      });
      // The answer is recorded under this id: another choice needs another request.
      requestId.current = createUuidV4(getPlatformRandomBytes());
      const first = reply.refused[0];
      if (reply.reassigned.length > 0) onDone();
      if (!first) {
        void Taro.showToast({ title: `已改派 ${reply.reassigned.length} 条`, icon: 'success' });
        onClose();
      } else if (leadIds.length === 1) {
        setError(first.message);
      } else {
        setError(`已改派 ${reply.reassigned.length} 条，${reply.refused.length} 条未改派：${first.message}`);
      }
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.userMessage : API_MESSAGES.unknown);
    } finally {
      setPending(false);
    }
  };

  return (
    <ActionSheet
      title="改派给其他顾问"
      isPending={isPending}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      {team.status === 'error' && <Text className="form-error">{team.userMessage}</Text>}
      {!team.data && team.status === 'loading' && <Text className="muted">加载中…</Text>}
      {team.data && advisors.length === 0 && <Text className="muted">没有可接收的顾问</Text>}
      <ChoiceChips options={advisors.map((a) => a.id)} labels={labels} value={advisorId} onChange={setAdvisorId} />
    </ActionSheet>
  );
}
