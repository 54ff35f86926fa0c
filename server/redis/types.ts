/**
 * What must be shared across function instances (SPEC §3): the WeChat access token, rate
 * limits, cron run locks, frequency-cap counters and hot caches. One small interface with three
 * implementations: Upstash REST (production), the same @upstash/redis client reaching a real
 * redis-server (`REDIS_URL`), and an in-process store that is correct for a single process.
 */
export interface SharedStore {
  /** The value at `key`, or `null` when it is missing or expired. */
  get(key: string): Promise<string | null>;
  /**
   * `get` of each key in one round trip (one MGET on Redis), the values in the same order. The
   * campaign runner reads the cap counters of a whole claimed batch this way.
   */
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  /**
   * Stores `value` at `key`. With `ttlMs` the key expires; with `onlyIfAbsent` the write happens
   * only when the key does not exist (Redis `SET NX`). Returns whether the value was written.
   */
  set(key: string, value: string, options?: { ttlMs?: number; onlyIfAbsent?: boolean }): Promise<boolean>;
  /** Deletes `key`; returns whether it existed. */
  del(key: string): Promise<boolean>;
  /**
   * Deletes `key` only when it still holds `expected` (compare-and-delete, atomic). This is how a
   * lock holder releases its own lock and never someone else's after expiry.
   */
  compareAndDelete(key: string, expected: string): Promise<boolean>;
  /**
   * Atomically adds `by` (default 1) to the integer at `key` and returns the new value. When the
   * key is created by this call and `ttlMs` is given, it expires after `ttlMs` (a fixed window).
   */
  incr(key: string, options?: { by?: number; ttlMs?: number }): Promise<number>;
  /**
   * `incr(key, { ttlMs })` for each counter, in one round trip (one MULTI on Redis), each counter
   * atomic on its own; the new values in the same order. A request counted against two limits
   * (per address and per lead) pays one round trip to Upstash instead of two.
   */
  incrWindows(counters: readonly { key: string; ttlMs: number }[]): Promise<number[]>;
  /** Milliseconds until `key` expires; `null` when it has no expiry or does not exist. */
  ttlMs(key: string): Promise<number | null>;
  /** Round-trips to the store; used by the health check. */
  ping(): Promise<boolean>;
  /** The kind of backend, for the health check and logs. */
  readonly kind: 'upstash' | 'redis' | 'memory';
}
