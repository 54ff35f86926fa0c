import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, type Session } from '../api';
import { API_MESSAGES } from '../api/messages';

export type SessionState =
  | { status: 'loading' }
  | { status: 'ready'; session: Session }
  | { status: 'error'; userMessage: string };

/**
 * The prospect's session: logs in silently on first use (`wx.login` → `POST /api/auth/login`),
 * with `retry` for the error state. Pages that show personal data wait for `ready`.
 */
export function useSession(): SessionState & { retry: () => void } {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // A reply that arrives after the page closed must not set state on an unmounted component.
  const isMounted = useRef(false);

  const load = useCallback(() => {
    setState({ status: 'loading' });
    // Overlapping calls are harmless: the client runs one login at a time and shares its result.
    api.ensureSession().then(
      (session) => {
        if (isMounted.current) setState({ status: 'ready', session });
      },
      (error: unknown) => {
        const userMessage = error instanceof ApiError ? error.userMessage : API_MESSAGES.unknown;
        if (isMounted.current) setState({ status: 'error', userMessage });
      },
    );
  }, []);

  useEffect(() => {
    isMounted.current = true;
    load();
    return () => {
      isMounted.current = false;
    };
  }, [load]);

  return { ...state, retry: load };
}
