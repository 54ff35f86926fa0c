import {
  COST_TARGET_KINDS,
  type CostTargetKind,
  type MarketingCost,
  type MarketingCostRequest,
  marketingCostSchema,
} from '@scrm/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, api } from '../../../api';
import { formatFenForInput, formatYuan, parseYuanToFen } from '../../format';
import { ChoiceChips } from '../choice-chips';
import { COST_TEXT as T } from './text';

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

export interface CostFormProps {
  /** The period the page shows: a new entry's dates start from it. */
  fromDay: string;
  toDay: string;
  /** Campaigns the page already knows, offered as one-tap targets. */
  knownCampaigns: string[];
  /** The entry being corrected (PUT), or none for a new one (POST). */
  editing?: MarketingCost;
  onSaved: () => void;
  onCancel?: () => void;
}

/** Enters a new cost, or corrects one: the same fields and checks, the API's rules for both. */
export function CostForm({ fromDay, toDay, knownCampaigns, editing, onSaved, onCancel }: CostFormProps) {
  const [targetKind, setTargetKind] = useState<CostTargetKind>(editing?.targetKind ?? 'campaign');
  const [target, setTarget] = useState(editing?.target ?? '');
  const [days, setDays] = useState(editing ? { fromDay: editing.fromDay, toDay: editing.toDay } : { fromDay, toDay });
  const [amount, setAmount] = useState(editing ? formatFenForInput(editing.amountFen) : '');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const fen = parseYuanToFen(amount);

  const submit = async () => {
    const request = toCostRequest({ targetKind, target, ...days, amount });
    if (typeof request === 'string') return setError(request);
    setError(null);
    setSending(true);
    try {
      await api.request(editing ? `/api/staff/analytics/costs/${editing.id}` : '/api/staff/analytics/costs', {
        as: 'staff',
        method: editing ? 'PUT' : 'POST',
        // A correction replaces the entry: the note entered with it (the form has no field for it) stays.
        body: editing?.note ? { ...request, note: editing.note } : request,
        schema: marketingCostSchema,
      });
      if (!editing) {
        setTarget('');
        setAmount('');
      }
      void Taro.showToast({ title: editing ? T.corrected : T.saved, icon: 'success' });
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.userMessage : T.saveFailed);
    } finally {
      setSending(false);
    }
  };

  return (
    <View className={`cost-form${editing ? ' cost-form--editing' : ''}`}>
      <Text className="field-label">{editing ? T.editCost : T.newCost}</Text>
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
        {isSending ? T.saving : editing ? T.saveCorrection : T.save}
      </Button>
      {onCancel && !isSending && (
        <Text className="link cost-form__cancel" onClick={onCancel}>
          {T.cancel}
        </Text>
      )}
    </View>
  );
}
