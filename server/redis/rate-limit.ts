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
 * Counts one request against `rule` at time `now` (the context clock) and says whether it is
 * allowed. The window index is part of the key, so a window's counter is never reused even if
 * its expiry were lost; the expiry only cleans up.
 */
export async function consumeRateLimit(store: SharedStore, rule: RateLimitRule, now: Date): Promise<RateLimitResult> {
  const window = Math.floor(now.getTime() / rule.windowMs);
  const resetAt = new Date((window + 1) * rule.windowMs);
  const count = await store.incr(`ratelimit:${rule.key}:${window}`, { ttlMs: rule.windowMs });
  return {
    allowed: count <= rule.limit,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - count),
    resetAt,
  };
}
