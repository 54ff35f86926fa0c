/**
 * The shared store for tests (ADR 004): the in-process store, or, when `REDIS_URL` is set, the
 * real redis-server through the same client as production with a unique key prefix per store.
 * The worker's keys are deleted when its file finishes.
 */
import type { Redis as IORedis } from 'ioredis';
import { loadEnv } from '../../server/env.js';
import { createRedisStore, type StoreHandle } from '../../server/redis/create-store.js';
import { createMemoryStore } from '../../server/redis/memory.js';
import type { SharedStore } from '../../server/redis/types.js';

/** Every key a test writes starts with this; one value per worker process. */
export const TEST_KEY_PREFIX = `test:${process.pid}:${crypto.randomUUID().slice(0, 8)}:`;

const handles: (StoreHandle & { ioredis: IORedis })[] = [];

/** A fresh, empty store: a new memory store, or a new key prefix on the real Redis. */
export function createTestStore(): SharedStore {
  const { REDIS_URL } = loadEnv();
  if (!REDIS_URL) return createMemoryStore();
  const handle = createRedisStore(REDIS_URL, { prefix: `${TEST_KEY_PREFIX}${crypto.randomUUID().slice(0, 8)}:` });
  handles.push(handle);
  return handle.store;
}

/** Deletes this worker's keys from Redis and closes its connections. */
export async function disposeTestStores(): Promise<void> {
  const open = handles.splice(0);
  const first = open[0];
  if (first) await deleteKeys(first.ioredis, `${TEST_KEY_PREFIX}*`);
  await Promise.all(open.map((handle) => handle.close()));
}

/** SCAN (not KEYS: it does not block the server) and delete everything matching `pattern`. */
export async function deleteKeys(ioredis: IORedis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await ioredis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await ioredis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
