import { type MarketingCost, marketingCostListResponseSchema } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, api } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { useApiData } from '../../../hooks/use-api-data';
import { formatSource, formatYuan } from '../../format';
import { CostForm } from './cost-form';
import { COST_TEXT as T } from './text';
import './index.css';

const COLLAPSED_ROWS = 5;

export interface CostEntriesProps {
  fromDay: string;
  toDay: string;
  /** Only institution-wide managers enter costs (the API's rule); others read the list. */
  canEdit: boolean;
  /** Campaigns the page already knows, offered as one-tap targets. */
  knownCampaigns: string[];
  /** After a change, so the ROI table is recomputed with it. */
  onChanged: () => void;
}

/** 投放成本 (issue 15 §1 efficiency): the costs entered for the period, and a form to enter one. */
export function CostEntries({ fromDay, toDay, canEdit, knownCampaigns, onChanged }: CostEntriesProps) {
  const costs = useApiData(
    () =>
      api.request('/api/staff/analytics/costs', {
        as: 'staff',
        query: { fromDay, toDay },
        schema: marketingCostListResponseSchema,
      }),
    `${fromDay}|${toDay}`,
  );
  const [isExpanded, setExpanded] = useState(false);
  const [editing, setEditing] = useState<MarketingCost | null>(null);
  // Last entered or corrected first (what a manager checks after saving); a quarter of monthly
  // entries would otherwise push the form off the screen.
  const sorted = [...(costs.data?.costs ?? [])].sort(
    (a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.toDay.localeCompare(a.toDay),
  );
  const shown = isExpanded ? sorted : sorted.slice(0, COLLAPSED_ROWS);
  const changed = () => {
    setEditing(null);
    costs.reload();
    onChanged();
  };
  const remove = async (cost: MarketingCost) => {
    if (!(await Taro.showModal({ title: T.remove, content: T.removeConfirm(cost.target) })).confirm) return;
    try {
      await api.request(`/api/staff/analytics/costs/${cost.id}`, { as: 'staff', method: 'DELETE' });
      changed();
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.userMessage : T.saveFailed, icon: 'none' });
    }
  };

  return (
    <View className="cost-entries">
      {costs.status === 'error' && !costs.data && (
        <PageStatus kind="error" message={costs.userMessage} onRetry={costs.reload} />
      )}
      {!costs.data && costs.status === 'loading' && <PageStatus kind="loading" />}
      {costs.data && costs.data.costs.length === 0 && <PageStatus kind="empty" message={T.empty} />}
      {shown.map((cost) => (
        <View
          key={cost.id}
          className={`cost-entries__row${editing?.id === cost.id ? ' cost-entries__row--editing' : ''}`}
        >
          <View className="cost-entries__what">
            <Text className="cost-entries__target">
              {`${T.kinds[cost.targetKind]} · ${cost.targetKind === 'channel' ? formatSource(cost.target) : cost.target}`}
            </Text>
            <Text className="muted">{`${cost.fromDay} ~ ${cost.toDay}`}</Text>
          </View>
          <Text className="cost-entries__amount">{formatYuan(cost.amountFen)}</Text>
          {canEdit && (
            <Text className="link cost-entries__edit" onClick={() => setEditing(cost)}>
              {T.edit}
            </Text>
          )}
          {canEdit && (
            <Text className="link cost-entries__remove" onClick={() => void remove(cost)}>
              {T.remove}
            </Text>
          )}
        </View>
      ))}
      {sorted.length > COLLAPSED_ROWS && (
        <Text className="link cost-entries__more" onClick={() => setExpanded(!isExpanded)}>
          {isExpanded ? T.collapse : T.showAll(sorted.length)}
        </Text>
      )}
      {canEdit && editing ? (
        // Keyed by the entry: another 修改 starts again from that entry's values.
        <CostForm
          key={editing.id}
          fromDay={fromDay}
          toDay={toDay}
          knownCampaigns={knownCampaigns}
          editing={editing}
          onSaved={changed}
          onCancel={() => setEditing(null)}
        />
      ) : canEdit ? (
        // Keyed by the period: the form's dates start from the period the page shows.
        <CostForm
          key={`${fromDay}|${toDay}`}
          fromDay={fromDay}
          toDay={toDay}
          knownCampaigns={knownCampaigns}
          onSaved={changed}
        />
      ) : (
        <Text className="muted">{T.readOnly}</Text>
      )}
    </View>
  );
}
