import {
  COST_TARGET_KINDS,
  type CostTargetKind,
  type MarketingCost,
  type MarketingCostRequest,
  marketingCostListResponseSchema,
  marketingCostSchema,
} from '@scrm/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, api } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { useApiData } from '../../../hooks/use-api-data';
import { formatSource, formatYuan, parseYuanToFen } from '../../format';
import { ChoiceChips } from '../choice-chips';
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

/** What is wrong with the form before it may be sent, or the request to send. */
export function toCostRequest(form: {
  targetKind: CostTargetKind;
  target: string;
  fromDay: string;
  toDay: string;
  amount: string;
}): MarketingCostRequest | string {
  if (!form.target.trim()) return T.targetRequired;
  const amountFen = parseYuanToFen(form.amount);
  if (amountFen === null || amountFen <= 0) return T.amountRequired;
  if (!/^\d{4}-\d\d-\d\d$/.test(form.fromDay) || !/^\d{4}-\d\d-\d\d$/.test(form.toDay)) return T.dayRequired;
  if (form.fromDay > form.toDay) return T.dayOrder;
  return {
    targetKind: form.targetKind,
    target: form.target.trim(),
    fromDay: form.fromDay,
    toDay: form.toDay,
    amountFen,
  };
}

function CostForm({
  fromDay,
  toDay,
  knownCampaigns,
  onSaved,
}: Omit<CostEntriesProps, 'canEdit' | 'onChanged'> & { onSaved: () => void }) {
  const [targetKind, setTargetKind] = useState<CostTargetKind>('campaign');
  const [target, setTarget] = useState('');
  const [days, setDays] = useState({ fromDay, toDay });
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const fen = parseYuanToFen(amount);

  const submit = async () => {
    const request = toCostRequest({ targetKind, target, ...days, amount });
    if (typeof request === 'string') return setError(request);
    setError(null);
    setSending(true);
    try {
      await api.request('/api/staff/analytics/costs', {
        as: 'staff',
        method: 'POST',
        body: request,
        schema: marketingCostSchema,
      });
      setTarget('');
      setAmount('');
      void Taro.showToast({ title: T.saved, icon: 'success' });
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.userMessage : T.saveFailed);
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="cost-form">
      <Text className="field-label">{T.newCost}</Text>
      <ChoiceChips options={COST_TARGET_KINDS} labels={T.kinds} value={targetKind} onChange={setTargetKind} />
      <Input
        className="field-input cost-form__target"
        placeholder={targetKind === 'campaign' ? T.campaignPlaceholder : T.channelPlaceholder}
        value={target}
        maxlength={100}
        onInput={(e) => setTarget(e.detail.value)}
      />
      {targetKind === 'campaign' && knownCampaigns.length > 0 && (
        <ChoiceChips
          options={knownCampaigns}
          labels={Object.fromEntries(knownCampaigns.map((c) => [c, c]))}
          value={target}
          onChange={setTarget}
        />
      )}
      <Text className="field-label">{T.period}</Text>
      <View className="cost-form__days">
        <Input
          className="field-input cost-form__day"
          value={days.fromDay}
          maxlength={10}
          onInput={(e) => setDays({ ...days, fromDay: e.detail.value })}
        />
        <Text className="muted">{T.to}</Text>
        <Input
          className="field-input cost-form__day"
          value={days.toDay}
          maxlength={10}
          onInput={(e) => setDays({ ...days, toDay: e.detail.value })}
        />
      </View>
      <Text className="field-label">{T.amount}</Text>
      <Input
        className="field-input cost-form__amount"
        type="digit"
        placeholder={T.amountPlaceholder}
        value={amount}
        onInput={(e) => setAmount(e.detail.value)}
      />
      {fen !== null && fen > 0 && <Text className="muted">{T.willRecord(formatYuan(fen))}</Text>}
      {error && <Text className="form-error">{error}</Text>}
      <Button
        className="primary-button cost-form__submit"
        disabled={isSending || undefined}
        onClick={() => void submit()}
      >
        {isSending ? T.saving : T.save}
      </Button>
    </View>
  );
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
  // Last entered or corrected first (what a manager checks after saving); a quarter of monthly
  // entries would otherwise push the form off the screen.
  const sorted = [...(costs.data?.costs ?? [])].sort(
    (a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.toDay.localeCompare(a.toDay),
  );
  const shown = isExpanded ? sorted : sorted.slice(0, COLLAPSED_ROWS);
  const changed = () => {
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
        <View key={cost.id} className="cost-entries__row">
          <View className="cost-entries__what">
            <Text className="cost-entries__target">
              {`${T.kinds[cost.targetKind]} · ${cost.targetKind === 'channel' ? formatSource(cost.target) : cost.target}`}
            </Text>
            <Text className="muted">{`${cost.fromDay} ~ ${cost.toDay}`}</Text>
          </View>
          <Text className="cost-entries__amount">{formatYuan(cost.amountFen)}</Text>
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
      {canEdit ? (
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
