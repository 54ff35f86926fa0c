/**
 * The in-process SharedStore: correct for one process (one `npm start`, one test file), which is
 * all it is used for when neither `REDIS_URL` nor Upstash is configured. JavaScript runs each
 * method body without interleaving until its first `await`, and these bodies never await, so
 * every operation is atomic like a single Redis command. Expiry is lazy: a key past its deadline
 * reads as missing and is dropped on access.
 */
import type { SharedStore } from './types.js';

interface Entry {
  value: string;
  /** Epoch ms; `null` = no expiry. */
  expiresAt: number | null;
}

export interface MemoryStoreOptions {
  /** Clock in epoch ms; defaults to `Date.now` (kept real so that it matches Redis in tests). */
  nowMs?: () => number;
}

const INTEGER = /^-?\d+$/;

export function createMemoryStore(options: MemoryStoreOptions = {}): SharedStore {
  const nowMs = options.nowMs ?? Date.now;
  const entries = new Map<string, Entry>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= nowMs()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  /** INCRBY, with the expiry set only when the key is created (a fixed window). */
  const add = (key: string, by: number, ttlMs: number | undefined): number => {
    const entry = live(key);
    if (entry && !INTEGER.test(entry.value)) throw new Error('ERR value is not an integer or out of range');
    const next = (entry ? Number(entry.value) : 0) + by;
    const expiresAt = entry ? entry.expiresAt : ttlMs === undefined ? null : nowMs() + ttlMs;
    entries.set(key, { value: String(next), expiresAt });
    return next;
  };

  return {
    kind: 'memory',
    async get(key) {
      return live(key)?.value ?? null;
    },
    async getMany(keys) {
      return keys.map((key) => live(key)?.value ?? null);
    },
    async set(key, value, { ttlMs, onlyIfAbsent } = {}) {
      if (onlyIfAbsent && live(key)) return false;
      entries.set(key, { value, expiresAt: ttlMs === undefined ? null : nowMs() + ttlMs });
      return true;
    },
    async del(key) {
      const existed = live(key) !== undefined;
      entries.delete(key);
      return existed;
    },
    async compareAndDelete(key, expected) {
      if (live(key)?.value !== expected) return false;
      entries.delete(key);
      return true;
    },
    async incr(key, { by = 1, ttlMs } = {}) {
      return add(key, by, ttlMs);
    },
    async incrWindows(counters) {
      // One synchronous pass: nothing can interleave, as in a MULTI.
      return counters.map(({ key, ttlMs }) => add(key, 1, ttlMs));
    },
    async ttlMs(key) {
      const entry = live(key);
      return entry?.expiresAt == null ? null : entry.expiresAt - nowMs();
    },
    async ping() {
      return true;
    },
  };
}
