/**
 * SharedStore over an @upstash/redis client: Upstash's REST API in production, or a real
 * redis-server through the ioredis requester (`ioredis-requester.ts`, ADR 004). Every method is
 * one Redis command, one transaction or one script, so each is atomic on the server.
 */
import { Redis, type Requester } from '@upstash/redis';
import type { SharedStore } from './types.js';

/**
 * Deletes KEYS[1] only when it holds ARGV[1]. GET and DEL run inside one script, so no other
 * client can take the key over in between (the standard Redis lock release, redis.io/docs
 * "Distributed locks").
 */
const COMPARE_AND_DELETE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface UpstashStoreOptions {
  kind: 'upstash' | 'redis';
  /** Prepended to every key (tests use a unique one per run). */
  prefix?: string;
}

/** Values are opaque strings: turn off the client's JSON (de)serialisation of values. */
const CLIENT_OPTIONS = {
  automaticDeserialization: false,
  enableAutoPipelining: false,
  enableTelemetry: false,
} as const;

/** A client for Upstash's REST API (`UPSTASH_REDIS_REST_URL` / `_TOKEN`). */
export function createUpstashClient(url: string, token: string): Redis {
  return new Redis({ url, token, ...CLIENT_OPTIONS });
}

/**
 * A client that sends its commands to `requester` instead of over HTTP. The Node `Redis` class
 * accepts a requester but no options for it, so this subclass sets the command options itself
 * (`opts` is the documented protected field every command reads).
 */
class RequesterRedis extends Redis {
  constructor(requester: Requester) {
    super(requester);
    this.opts = { automaticDeserialization: false };
  }
}

export function createRequesterClient(requester: Requester): Redis {
  return new RequesterRedis(requester);
}

export function createUpstashStore(redis: Redis, options: UpstashStoreOptions): SharedStore {
  const prefix = options.prefix ?? '';
  const k = (key: string) => prefix + key;
  /**
   * One transaction: each key is created at 0 with its expiry only if it is absent, then `by` is
   * added (INCRBY keeps an existing TTL, so a window is fixed from its first increment); the
   * values are every second reply.
   */
  const addToWindows = async (counters: readonly { key: string; ttlMs: number }[], by: number) => {
    const tx = redis.multi();
    for (const { key, ttlMs } of counters) {
      tx.set(k(key), '0', { nx: true, px: ttlMs });
      tx.incrby(k(key), by);
    }
    const replies = await tx.exec<unknown[]>();
    return counters.map((_, i) => Number(replies[2 * i + 1]));
  };
  return {
    kind: options.kind,
    async get(key) {
      const value = await redis.get<string>(k(key));
      return value ?? null;
    },
    async getMany(keys) {
      if (keys.length === 0) return [];
      const values = await redis.mget<(string | null)[]>(...keys.map(k));
      return values.map((value) => value ?? null);
    },
    async set(key, value, { ttlMs, onlyIfAbsent } = {}) {
      const result = await (ttlMs === undefined
        ? onlyIfAbsent
          ? redis.set(k(key), value, { nx: true })
          : redis.set(k(key), value)
        : onlyIfAbsent
          ? redis.set(k(key), value, { px: ttlMs, nx: true })
          : redis.set(k(key), value, { px: ttlMs }));
      return result === 'OK';
    },
    async del(key) {
      return (await redis.del(k(key))) > 0;
    },
    async compareAndDelete(key, expected) {
      const deleted = await redis.eval<[string], number>(COMPARE_AND_DELETE, [k(key)], [expected]);
      return Number(deleted) === 1;
    },
    async incr(key, { by = 1, ttlMs } = {}) {
      if (ttlMs === undefined) return redis.incrby(k(key), by);
      const [value] = await addToWindows([{ key, ttlMs }], by);
      return value as number;
    },
    async incrWindows(counters) {
      return counters.length === 0 ? [] : addToWindows(counters, 1);
    },
    async ttlMs(key) {
      const ms = await redis.pttl(k(key));
      // PTTL: -2 = no such key, -1 = no expiry.
      return ms < 0 ? null : ms;
    },
    async ping() {
      return (await redis.ping()) === 'PONG';
    },
  };
}
