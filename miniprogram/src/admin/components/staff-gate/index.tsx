import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { StaffSession } from '../../../api';
import { DEMO_STAFF_USERS } from '../../../api/taro-login';
import { PageStatus } from '../../../components/page-status';
import { canUseDemoStaff, useStaffSession } from '../../hooks/use-staff-session';
import { WORKBENCH_TEXT as T } from '../../text';
import { JoinForm } from '../join-form';
import '../../workbench.css';
import './index.css';

export interface StaffGateProps {
  /** The page, given the staff member and, for the browser build's demo, a way to switch account. */
  children: (staff: StaffSession, signInAsDemo: (user: string) => void) => ReactNode;
}

/** Chips that sign the browser in as one of the demo's staff (H5 only). */
export function DemoStaffPicker({ onPick }: { onPick: (user: string) => void }) {
  if (!canUseDemoStaff) return null;
  return (
    <View className="staff-gate__demo">
      <Text className="muted">{T.demoTitle}</Text>
      <View className="chips staff-gate__chips">
        {DEMO_STAFF_USERS.map((user) => (
          <Text key={user} className="chip" onClick={() => onPick(user)}>
            {T.demoUsers[user] ?? user}
          </Text>
        ))}
      </View>
    </View>
  );
}

/**
 * Every workbench page sits behind this: it waits for the login, and shows who may not enter
 * (a WeChat user who is not staff) a Chinese explanation and the invitation form instead.
 */
export function StaffGate({ children }: StaffGateProps) {
  const session = useStaffSession();
  if (session.status === 'loading') return <PageStatus kind="loading" />;
  if (session.status === 'error')
    return <PageStatus kind="error" message={session.userMessage} onRetry={session.retry} />;
  if (session.status === 'not_staff') {
    return (
      <View className="staff-gate">
        <Text className="staff-gate__title">{T.notStaffTitle}</Text>
        <Text className="muted">{T.notStaff}</Text>
        <JoinForm onJoined={session.rejoin} />
        <DemoStaffPicker onPick={session.signInAsDemo} />
      </View>
    );
  }
  return <>{children(session.staff, session.signInAsDemo)}</>;
}
