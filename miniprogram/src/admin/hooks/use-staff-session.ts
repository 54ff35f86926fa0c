import Taro from '@tarojs/taro';
import { api, type StaffSession } from '../../api';
import { setStandInUser } from '../../api/taro-login';
import { useSession } from '../../hooks/use-session';
import { taroStorage } from '../../platform/taro-storage';

export type StaffSessionState =
  | { status: 'loading' }
  | { status: 'error'; userMessage: string }
  | { status: 'not_staff' }
  | { status: 'ready'; staff: StaffSession };

/** In the browser build only: the demo's staff sign in through the WeChat stand-in (issue 9 §1). */
export const canUseDemoStaff = Taro.getEnv() === Taro.ENV_TYPE.WEB;

/**
 * The signed-in staff member, from the same silent login as everyone (`staff` of the login reply),
 * with `signInAsDemo` to switch between the demo's staff in the browser build.
 */
export function useStaffSession(): StaffSessionState & {
  retry: () => void;
  signInAsDemo: (user: string) => void;
  rejoin: () => void;
} {
  const session = useSession();
  // After joining, the stored login predates the staff record: log in again to get the staff token.
  const rejoin = () => {
    api.signOut();
    session.retry();
  };
  const signInAsDemo = (user: string) => {
    setStandInUser(taroStorage, user);
    api.signOut();
    session.retry();
  };
  const base = { retry: session.retry, signInAsDemo, rejoin };
  if (session.status === 'loading') return { status: 'loading', ...base };
  if (session.status === 'error') return { status: 'error', userMessage: session.userMessage, ...base };
  const { staff } = session.session;
  return staff ? { status: 'ready', staff, ...base } : { status: 'not_staff', ...base };
}
