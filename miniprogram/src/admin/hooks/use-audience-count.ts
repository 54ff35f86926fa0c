import { audienceCountResponseSchema, type CampaignDocument } from '@scrm/shared';
import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api';
import { API_MESSAGES } from '../../api/messages';

export type AudienceCount =
  | { status: 'counting'; last: number | null }
  | { status: 'ready'; audienceSize: number }
  | { status: 'error'; userMessage: string };

/** How long the editor waits after the last change before it counts again. */
const SETTLE_MS = 400;

/**
 * The live count of the leads a draft document's audience selects now
 * (`POST /api/staff/campaigns/audience-count`), recounted after each change has settled; an
 * answer to an older draft is dropped.
 */
export function useAudienceCount(document: CampaignDocument | null): AudienceCount {
  const [count, setCount] = useState<AudienceCount>({ status: 'counting', last: null });
  const latest = useRef(0);
  const key = document ? JSON.stringify({ audience: document.audience, entry: document.entry }) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is what the count depends on.
  useEffect(() => {
    if (!document) return;
    const call = ++latest.current;
    setCount((c) => ({ status: 'counting', last: c.status === 'ready' ? c.audienceSize : null }));
    const timer = setTimeout(() => {
      api
        .request('/api/staff/campaigns/audience-count', {
          as: 'staff',
          method: 'POST',
          body: { document },
          schema: audienceCountResponseSchema,
        })
        .then(
          (reply) => call === latest.current && setCount({ status: 'ready', audienceSize: reply.audienceSize }),
          (error: unknown) => {
            const userMessage = error instanceof ApiError ? error.userMessage : API_MESSAGES.unknown;
            if (call === latest.current) setCount({ status: 'error', userMessage });
          },
        );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return count;
}
