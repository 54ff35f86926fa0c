import {
  type JourneyStage,
  type LifecycleStage,
  listStaffLeadsResponseSchema,
  type StaffLeadListItem,
  type StaffLeadView,
} from '@scrm/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api';
import { API_MESSAGES } from '../../api/messages';

export interface LeadFilters {
  view: StaffLeadView;
  stage?: LifecycleStage;
  journey?: JourneyStage;
  source?: string;
  q?: string;
}

export interface LeadListState {
  items: StaffLeadListItem[];
  /** `loading`: the first page; `more`: a further page; `error`: the last call failed. */
  status: 'loading' | 'ready' | 'more' | 'error';
  hasMore: boolean;
  userMessage: string | null;
}

const PAGE_SIZE = 20;
const messageOf = (error: unknown) => (error instanceof ApiError ? error.userMessage : API_MESSAGES.unknown);

/**
 * The ranked lead list (`GET /api/staff/leads`) with the API's cursor: `refresh` starts again
 * from the top (a new filter, pull to refresh), `loadMore` appends the next page (scrolling to
 * the bottom). A reply to an older request never overwrites a newer one.
 */
export function useLeadList(filters: LeadFilters) {
  const [state, setState] = useState<LeadListState>({
    items: [],
    status: 'loading',
    hasMore: false,
    userMessage: null,
  });
  const cursor = useRef<string | null>(null);
  const generation = useRef(0);
  // Scrolling fires "reached bottom" repeatedly; one further page at a time.
  const isFetchingMore = useRef(false);
  const key = JSON.stringify(filters);

  const fetchPage = useCallback(
    (after: string | null) =>
      api.request('/api/staff/leads', {
        as: 'staff',
        query: { ...(JSON.parse(key) as LeadFilters), cursor: after ?? undefined, limit: PAGE_SIZE },
        schema: listStaffLeadsResponseSchema,
      }),
    [key],
  );

  const refresh = useCallback(async () => {
    const call = ++generation.current;
    setState((s) => ({ ...s, status: 'loading', userMessage: null }));
    try {
      const page = await fetchPage(null);
      if (call !== generation.current) return;
      cursor.current = page.nextCursor;
      setState({ items: page.items, status: 'ready', hasMore: page.nextCursor !== null, userMessage: null });
    } catch (error) {
      if (call === generation.current)
        setState({ items: [], status: 'error', hasMore: false, userMessage: messageOf(error) });
    }
  }, [fetchPage]);

  const loadMore = useCallback(async () => {
    if (cursor.current === null || isFetchingMore.current) return;
    isFetchingMore.current = true;
    const call = generation.current;
    setState((s) => (s.status === 'ready' || s.status === 'error' ? { ...s, status: 'more', userMessage: null } : s));
    try {
      const page = await fetchPage(cursor.current);
      if (call !== generation.current) return;
      cursor.current = page.nextCursor;
      setState((s) => {
        const seen = new Set(s.items.map((item) => item.id));
        const items = [...s.items, ...page.items.filter((item) => !seen.has(item.id))];
        return { items, status: 'ready', hasMore: page.nextCursor !== null, userMessage: null };
      });
    } catch (error) {
      if (call === generation.current) setState((s) => ({ ...s, status: 'error', userMessage: messageOf(error) }));
    } finally {
      isFetchingMore.current = false;
    }
  }, [fetchPage]);

  useEffect(() => {
    void refresh();
    return () => {
      generation.current += 1;
    };
  }, [refresh]);

  return { ...state, refresh, loadMore };
}
