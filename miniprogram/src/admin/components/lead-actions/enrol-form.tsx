import { type Course, listCoursesResponseSchema } from '@scrm/shared';
import { Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../../api';
import { useApiData } from '../../../hooks/use-api-data';
import { formatYuan, parseYuanToFen, todayInShanghai } from '../../format';
import { ActionSheet } from '../action-sheet';
import { ChoiceChips } from '../choice-chips';
import type { FormProps } from './forms';

/**
 * 记录报名: course, amount and the day it was signed (→ `customer`). The advisor types yuan, as
 * on the contract; the API stores fen, the unit analytics sums (issue 9 §4).
 */
export function EnrolForm(props: FormProps & { defaultCourseId: string | null }) {
  const courses = useApiData(() =>
    api.request('/api/courses', { schema: listCoursesResponseSchema, isAuthenticated: false }),
  );
  const [courseId, setCourseId] = useState<string | undefined>(props.defaultCourseId ?? undefined);
  const [amount, setAmount] = useState('');
  const [day, setDay] = useState(todayInShanghai());
  const [error, setError] = useState<string | null>(null);
  const fen = parseYuanToFen(amount);

  const onSubmit = async () => {
    if (!courseId) return setError('请选择课程');
    if (fen === null || fen <= 0) return setError('请输入正确的金额（元）');
    const refusal = await props.onSubmit({ courseId, amountFen: fen, enrolledOn: day });
    setError(refusal);
    if (refusal === null) props.onClose();
  };

  const list: Course[] = courses.data?.courses ?? [];
  const labels = Object.fromEntries(list.map((c) => [c.id, c.name]));
  return (
    <ActionSheet title="记录报名" {...props} error={error} onSubmit={() => void onSubmit()}>
      <Text className="field-label">课程</Text>
      {courses.status === 'error' && <Text className="form-error">{courses.userMessage}</Text>}
      {!courses.data && courses.status === 'loading' && <Text className="muted">加载中…</Text>}
      <ChoiceChips options={list.map((c) => c.id)} labels={labels} value={courseId} onChange={setCourseId} />
      <Text className="field-label">金额（元）</Text>
      <Input
        className="field-input enrol-form__amount"
        type="digit"
        placeholder="例如 12800"
        value={amount}
        onInput={(e) => setAmount(e.detail.value)}
      />
      {fen !== null && fen > 0 && <Text className="muted">{`将记录 ${formatYuan(fen)}`}</Text>}
      <Text className="field-label">报名日期</Text>
      <Picker mode="date" value={day} end={todayInShanghai()} onChange={(e) => setDay(e.detail.value)}>
        <View className="field-input enrol-form__date">
          <Text>{day}</Text>
        </View>
      </Picker>
    </ActionSheet>
  );
}
