/**
 * The SharedStore on a real redis-server through the @upstash/redis client and ioredis (ADR 004).
 * Which store an instance uses is chosen by `openStore` (open-store.ts), which loads this module
 * (and ioredis) only when `REDIS_URL` is set.
 */
import { Redis as IORedis } from 'ioredis';
import { createIoredisRequester } from './ioredis-requester.js';
import type { SharedStore } from './types.js';
import { createRequesterClient, createUpstashStore } from './upstash.js';

export interface StoreHandle {
  store: SharedStore;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Prepended to every key; tests use a unique one per run. */
  prefix?: string;
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
