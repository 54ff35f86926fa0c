import type { StaffLeadDetail } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { LeadActionName } from '../../hooks/use-lead-action';
import { EnrolForm } from './enrol-form';
import { BantForm, FollowUpForm, ReturnForm } from './forms';
import { ReassignForm } from './reassign-form';
import './index.css';

type FormName = 'return' | 'followUp' | 'qualify' | 'enrol' | 'reassign';

export interface LeadActionsProps {
  detail: StaffLeadDetail;
  pending: LeadActionName | null;
  run: (name: LeadActionName, body?: Record<string, unknown>) => Promise<string | null>;
  onChanged: () => void;
}

const confirm = async (content: string) => (await Taro.showModal({ title: '', content })).confirm;

/**
 * The buttons the API says the viewer may use on this lead now (`allowedActions`), and the form
 * behind each one that needs more than a tap.
 */
export function LeadActions({ detail, pending, run, onChanged }: LeadActionsProps) {
  const [form, setForm] = useState<FormName | null>(null);
  const allowed = new Set(detail.allowedActions);
  const isBusy = pending !== null;
  const close = () => setForm(null);
  const formProps = (name: LeadActionName) => ({
    isPending: pending === name,
    onSubmit: (body: Record<string, unknown>) => run(name, body),
    onClose: close,
  });

  const buttons: { key: string; label: string; isPrimary?: boolean; onTap: () => void; isShown: boolean }[] = [
    { key: 'accept', label: '接受', isPrimary: true, isShown: allowed.has('accept'), onTap: () => void run('accept') },
    { key: 'claim', label: '领取', isPrimary: true, isShown: allowed.has('claim'), onTap: () => void run('claim') },
    { key: 'followUp', label: '记录跟进', isShown: allowed.has('follow_up'), onTap: () => setForm('followUp') },
    { key: 'qualify', label: '编辑 BANT', isShown: allowed.has('qualify'), onTap: () => setForm('qualify') },
    { key: 'enrol', label: '记录报名', isShown: allowed.has('enrol'), onTap: () => setForm('enrol') },
    { key: 'return', label: '退回', isShown: allowed.has('return'), onTap: () => setForm('return') },
    {
      key: 'release',
      label: '放回公海',
      isShown: allowed.has('release'),
      onTap: async () => {
        if (await confirm('确定把这条线索放回公海吗？')) void run('release');
      },
    },
    {
      key: 'reassign',
      label: '改派',
      isShown: detail.viewer.role === 'manager' && detail.lead.lifecycleStage !== 'customer',
      onTap: () => setForm('reassign'),
    },
  ];
  const shown = buttons.filter((b) => b.isShown);

  return (
    <View className="lead-actions">
      {shown.length === 0 && <Text className="muted">当前没有可执行的操作</Text>}
      {shown.map((b) => (
        <Text
          key={b.key}
          className={`lead-actions__button ${b.isPrimary ? 'lead-actions__button--primary' : ''} ${isBusy ? 'lead-actions__button--busy' : ''}`}
          onClick={() => !isBusy && b.onTap()}
        >
          {b.label}
        </Text>
      ))}
      {form === 'return' && <ReturnForm {...formProps('return')} />}
      {form === 'followUp' && <FollowUpForm {...formProps('followUp')} />}
      {form === 'qualify' && <BantForm {...formProps('qualify')} bant={detail.lead.bant} />}
      {form === 'reassign' && (
        <ReassignForm
          leadIds={[detail.lead.id]}
          currentOwnerId={detail.lead.owner?.id ?? null}
          onDone={onChanged}
          onClose={close}
        />
      )}
      {form === 'enrol' && <EnrolForm {...formProps('enrol')} defaultCourseId={detail.lead.course?.id ?? null} />}
    </View>
  );
}
