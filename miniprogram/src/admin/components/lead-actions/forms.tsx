import {
  ADVISOR_RETURN_REASON_LABELS,
  ADVISOR_RETURN_REASONS,
  type AdvisorReturnReason,
  BANT_LABELS,
  BUDGET_BANDS,
  DECISION_MAKERS,
  ENROL_TIMELINES,
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_OUTCOME_LABELS,
  FOLLOW_UP_OUTCOMES,
  type FollowUpKind,
  type FollowUpOutcome,
  NEED_LEVELS,
  type StaffLeadDetail,
} from '@scrm/shared';
import { Text, Textarea } from '@tarojs/components';
import { useState } from 'react';
import { daysFromNowAtTen } from '../../format';
import { ActionSheet } from '../action-sheet';
import { ChoiceChips } from '../choice-chips';

/** What every action form gets: submit a body, get back the refusal or `null`. */
export interface FormProps {
  isPending: boolean;
  onSubmit: (body: Record<string, unknown>) => Promise<string | null>;
  onClose: () => void;
}

function useSubmit(props: FormProps) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (body: Record<string, unknown>) => {
    const refusal = await props.onSubmit(body);
    setError(refusal);
    if (refusal === null) props.onClose();
  };
  return { error, setError, submit };
}

export function ReturnForm(props: FormProps) {
  const [reason, setReason] = useState<AdvisorReturnReason>();
  const [note, setNote] = useState('');
  const { error, setError, submit } = useSubmit(props);
  const onSubmit = () => (reason ? submit({ reason, note: note.trim() || undefined }) : setError('请选择退回原因'));
  return (
    <ActionSheet title="退回公海" {...props} error={error} onSubmit={onSubmit}>
      <Text className="field-label">退回原因</Text>
      <ChoiceChips
        options={ADVISOR_RETURN_REASONS}
        labels={ADVISOR_RETURN_REASON_LABELS}
        value={reason}
        onChange={setReason}
      />
      <Text className="field-label">说明（选“其他”时必填）</Text>
      <Textarea className="field-textarea" value={note} maxlength={200} onInput={(e) => setNote(e.detail.value)} />
    </ActionSheet>
  );
}

const NEXT_OPTIONS = ['none', 'd1', 'd3', 'd7'] as const;
type NextOption = (typeof NEXT_OPTIONS)[number];
const NEXT_LABELS: Record<NextOption, string> = { none: '暂不安排', d1: '明天', d3: '3 天后', d7: '一周后' };
const NEXT_DAYS: Record<NextOption, number | null> = { none: null, d1: 1, d3: 3, d7: 7 };

export function FollowUpForm(props: FormProps) {
  const [kind, setKind] = useState<FollowUpKind>('call');
  const [outcome, setOutcome] = useState<FollowUpOutcome>();
  const [note, setNote] = useState('');
  const [next, setNext] = useState<NextOption>('none');
  const { error, submit } = useSubmit(props);
  const onSubmit = () => {
    const days = NEXT_DAYS[next];
    void submit({
      kind,
      outcome: kind === 'note' ? undefined : outcome,
      note: note.trim() || undefined,
      nextFollowUpAt: days === null ? undefined : daysFromNowAtTen(days),
    });
  };
  return (
    <ActionSheet title="记录跟进" {...props} error={error} onSubmit={onSubmit}>
      <Text className="field-label">跟进方式</Text>
      <ChoiceChips options={FOLLOW_UP_KINDS} labels={FOLLOW_UP_KIND_LABELS} value={kind} onChange={setKind} />
      {kind !== 'note' && <Text className="field-label">结果</Text>}
      {kind !== 'note' && (
        <ChoiceChips
          options={FOLLOW_UP_OUTCOMES}
          labels={FOLLOW_UP_OUTCOME_LABELS}
          value={outcome}
          onChange={setOutcome}
        />
      )}
      <Text className="field-label">备注</Text>
      <Textarea className="field-textarea" value={note} maxlength={500} onInput={(e) => setNote(e.detail.value)} />
      <Text className="field-label">下次跟进</Text>
      <ChoiceChips options={NEXT_OPTIONS} labels={NEXT_LABELS} value={next} onChange={setNext} />
    </ActionSheet>
  );
}

export function BantForm(props: FormProps & { bant: StaffLeadDetail['lead']['bant'] }) {
  const [bant, setBant] = useState(props.bant);
  const { error, submit } = useSubmit(props);
  return (
    <ActionSheet title="编辑 BANT" {...props} error={error} onSubmit={() => void submit({ ...bant })}>
      <Text className="field-label">预算（Budget）</Text>
      <ChoiceChips
        options={BUDGET_BANDS}
        labels={BANT_LABELS.budgetBand}
        value={bant.budgetBand}
        onChange={(budgetBand) => setBant({ ...bant, budgetBand })}
      />
      <Text className="field-label">决策人（Authority）</Text>
      <ChoiceChips
        options={DECISION_MAKERS}
        labels={BANT_LABELS.decisionMaker}
        value={bant.decisionMaker}
        onChange={(decisionMaker) => setBant({ ...bant, decisionMaker })}
      />
      <Text className="field-label">需求（Need）</Text>
      <ChoiceChips
        options={NEED_LEVELS}
        labels={BANT_LABELS.need}
        value={bant.need}
        onChange={(need) => setBant({ ...bant, need })}
      />
      <Text className="field-label">报名时间（Timeline）</Text>
      <ChoiceChips
        options={ENROL_TIMELINES}
        labels={BANT_LABELS.timeline}
        value={bant.timeline}
        onChange={(timeline) => setBant({ ...bant, timeline })}
      />
    </ActionSheet>
  );
}
