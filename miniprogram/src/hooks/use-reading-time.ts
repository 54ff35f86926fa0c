import { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import { useRef } from 'react';
import { tracker } from '../tracking';

/**
 * Records reading one content item as a `content_view` with the time spent on it (SPEC §2.1),
 * when the reader leaves the page (hide or unload, whichever comes first).
 */
export function useReadingTime(contentId: string | undefined): void {
  const shownAt = useRef<number | null>(null);
  const close = () => {
    if (!contentId || shownAt.current === null) return;
    const durationMs = Math.max(0, Date.now() - shownAt.current);
    shownAt.current = null;
    tracker.track('content_view', { contentId, props: { durationMs } });
  };
  useDidShow(() => {
    shownAt.current = Date.now();
  });
  useDidHide(close);
  useUnload(close);
}
