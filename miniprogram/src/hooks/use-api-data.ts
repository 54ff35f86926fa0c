import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type ApiErrorCode } from '../api';
import { API_MESSAGES } from '../api/messages';

export type ApiData<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  /** `code` tells a missing thing (`not_found`: retrying cannot help) from a failure worth a retry. */
  | { status: 'error'; userMessage: string; code: ApiErrorCode | null; data?: T };

/**
 * Data a page loads from the API, with the loading / ready / error states every page shows and a
 * `reload` for retry buttons and for pages that must refresh when shown again. `load` is called
 * again when `key` changes (e.g. a filter).
 */
export function useApiData<T>(load: () => Promise<T>, key = ''): ApiData<T> & { reload: () => void } {
  const [state, setState] = useState<ApiData<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the reload trigger.
  const reload = useCallback(() => {
    const call = ++latest.current;
    setState((s) => ({ status: 'loading', data: s.data }));
    loadRef.current().then(
      (data) => {
        if (call === latest.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        const userMessage = error instanceof ApiError ? error.userMessage : API_MESSAGES.unknown;
        const code = error instanceof ApiError ? error.code : null;
        if (call === latest.current) setState((s) => ({ status: 'error', userMessage, code, data: s.data }));
      },
    );
  }, [key]);

  useEffect(() => {
    reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  return { ...state, reload };
}
