/**
 * Chooses the SharedStore from the environment (SPEC §3, ADR 004):
 * Upstash REST variables → Upstash; `REDIS_URL` → the same client on a real redis-server;
 * neither → the in-process store.
 */
import { Redis as IORedis } from 'ioredis';
import type { Env } from '../env.js';
import { createIoredisRequester } from './ioredis-requester.js';
import { createMemoryStore } from './memory.js';
import type { SharedStore } from './types.js';
import { createRequesterClient, createUpstashClient, createUpstashStore } from './upstash.js';

export interface StoreHandle {
  store: SharedStore;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Prepended to every key; tests use a unique one per run. */
  prefix?: string;
}

export function createStore(
  env: Pick<Env, 'REDIS_URL' | 'UPSTASH_REDIS_REST_URL' | 'UPSTASH_REDIS_REST_TOKEN'>,
  options: StoreOptions = {},
): StoreHandle {
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    const client = createUpstashClient(env.UPSTASH_REDIS_REST_URL, env.UPSTASH_REDIS_REST_TOKEN);
    return { store: createUpstashStore(client, { kind: 'upstash', ...options }), close: async () => {} };
  }
  if (env.REDIS_URL) return createRedisStore(env.REDIS_URL, options);
  return { store: createMemoryStore(), close: async () => {} };
}

/** The @upstash/redis client on a real redis-server at `url`, through ioredis. */
export function createRedisStore(url: string, options: StoreOptions = {}): StoreHandle & { ioredis: IORedis } {
  // lazyConnect: a cold start opens no socket until the first command.
  const ioredis = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const client = createRequesterClient(createIoredisRequester(ioredis));
  return {
    store: createUpstashStore(client, { kind: 'redis', ...options }),
    ioredis,
    close: async () => {
      await ioredis.quit().catch(() => ioredis.disconnect());
    },
  };
}
