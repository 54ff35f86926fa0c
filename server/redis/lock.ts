/**
 * A lock in the shared store, for work that must run once at a time across function instances
 * (a cron run, the WeChat access-token refresh). The pattern is Redis's single-instance lock
 * (redis.io/docs "Distributed locks with Redis"):
 *
 * - acquire: `SET key <random token> NX PX ttl`. NX makes one caller win; the TTL frees the lock
 *   if the holder dies, so `ttlMs` must exceed the work's worst-case duration.
 * - release: delete the key only if it still holds *our* token (compare-and-delete, one atomic
 *   script). A plain DEL could remove a lock that expired and was taken by someone else.
 *
 * Not a fencing lock: if the holder stalls past the TTL, a second holder may start. Work guarded
 * by it must still be safe to repeat (the outbox's unique key, idempotent writes).
 */
import type { SharedStore } from './types.js';

export interface Lock {
  key: string;
  /** The random value only this holder knows. */
  token: string;
  /** Releases the lock if this holder still has it; `false` when it had already expired. */
  release(): Promise<boolean>;
}

export interface LockOptions {
  ttlMs: number;
}

/** Tries once; `null` when someone else holds the lock. */
export async function acquireLock(store: SharedStore, key: string, { ttlMs }: LockOptions): Promise<Lock | null> {
  const token = crypto.randomUUID();
  const acquired = await store.set(key, token, { ttlMs, onlyIfAbsent: true });
  if (!acquired) return null;
  return { key, token, release: () => store.compareAndDelete(key, token) };
}

export type LockedResult<T> = { acquired: true; value: T } | { acquired: false };

/**
 * Runs `work` while holding the lock and releases it afterwards, also when `work` throws.
 *
 * @example
 *   const run = await withLock(ctx.store, 'lock:cron:campaigns', { ttlMs: 5 * 60_000 }, () => runCampaigns(ctx));
 *   if (!run.acquired) return { skipped: 'another run is in progress' };
 */
export async function withLock<T>(
  store: SharedStore,
  key: string,
  options: LockOptions,
  work: () => Promise<T>,
): Promise<LockedResult<T>> {
  const lock = await acquireLock(store, key, options);
  if (!lock) return { acquired: false };
  try {
    return { acquired: true, value: await work() };
  } finally {
    await lock.release();
  }
}
