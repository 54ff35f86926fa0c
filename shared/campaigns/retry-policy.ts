/**
 * Retrying a send that failed for a passing reason (issue 13: WeChat's 45009 rate limit, -1 system
 * busy, a network error before the request reached WeChat): later, with exponential backoff and a
 * deterministic jitter, a bounded number of times. A send whose outcome is unknown is never
 * retried (at most once, SPEC §2.5); this policy is only for sends that certainly did not happen.
 */
import { hashCampaignKey } from './variant.js';

const MINUTE_MS = 60_000;

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Five attempts over about two and a half hours: 5, 10, 20, 40 minutes (±20%), then give up. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 5 * MINUTE_MS,
  maxDelayMs: 6 * 60 * MINUTE_MS,
};

export type RetryDecision = { kind: 'retry'; at: Date } | { kind: 'give_up'; reason: 'retries_exhausted' };

/**
 * When to try again after the `attempts`th attempt failed. The jitter (±20%) comes from a hash of
 * `key` (the outbox row's id) and the attempt, so concurrent failures spread out without
 * `Math.random` and a replayed decision is the same.
 *
 * @example planRetry({ attempts: 1, now, key: rowId }) // { kind: 'retry', at: now + 4–6 minutes }
 */
export function planRetry(input: { attempts: number; now: Date; key: string; policy?: RetryPolicy }): RetryDecision {
  const policy = input.policy ?? DEFAULT_RETRY_POLICY;
  if (input.attempts >= policy.maxAttempts) return { kind: 'give_up', reason: 'retries_exhausted' };
  const base = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, input.attempts - 1));
  const jitter = 0.8 + 0.4 * (hashCampaignKey(`${input.key}#${input.attempts}`) / 2 ** 32);
  return { kind: 'retry', at: new Date(input.now.getTime() + Math.round(base * jitter)) };
}
