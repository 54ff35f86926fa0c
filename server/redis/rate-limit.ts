/**
 * Fixed-window rate limiting on the shared store: one counter per (key, window), created with the
 * window's expiry by the first request and incremented atomically (`SharedStore.incr`). A window
 * allows at most `limit` requests; a burst at a window boundary can see up to 2 × limit in
 * `windowMs`, which is acceptable for abuse protection of ingest and login.
 *
 * Why not @upstash/ratelimit: its algorithms are Lua scripts run with EVALSHA. The in-process
 * store (the embedded default) cannot run Lua, so the same limits would need a second
 * implementation there; and Redis 7.0 rejects the scripts' `#!lua flags=…` line (SERVICES.md).
 * Two primitives every store has (INCR with expiry, PTTL) keep one implementation everywhere.
 */
import type { SharedStore } from './types.js';

export interface RateLimitRule {
  /** What is limited, e.g. `ingest:lead:<id>` or `ingest:ip:<ip>`. */
  key: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends. */
  resetAt: Date;
}

/**
 * Counts one request against each of `rules` at time `now` (the context clock), in one round trip
 * to the store, and says for each whether it is allowed. The window index is part of the key, so a
 * window's counter is never reused even if its expiry were lost; the expiry only cleans up.
 */
export async function consumeRateLimits(
  store: SharedStore,
  rules: readonly RateLimitRule[],
  now: Date,
): Promise<RateLimitResult[]> {
  const windows = rules.map((rule) => Math.floor(now.getTime() / rule.windowMs));
  const counts = await store.incrWindows(
    rules.map((rule, i) => ({ key: `ratelimit:${rule.key}:${windows[i]}`, ttlMs: rule.windowMs })),
  );
  return rules.map((rule, i) => {
    const count = counts[i] as number;
    return {
      allowed: count <= rule.limit,
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - count),
      resetAt: new Date(((windows[i] as number) + 1) * rule.windowMs),
    };
  });
}

/** `consumeRateLimits` for one rule. */
export async function consumeRateLimit(store: SharedStore, rule: RateLimitRule, now: Date): Promise<RateLimitResult> {
  const [result] = await consumeRateLimits(store, [rule], now);
  return result as RateLimitResult;
}
