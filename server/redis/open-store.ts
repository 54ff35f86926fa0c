/**
 * Chooses the SharedStore from the environment (SPEC §3, ADR 004) and loads only its client:
 * Upstash REST variables → Upstash; `REDIS_URL` → the same client on a real redis-server through
 * ioredis; neither → the in-process store. `import()` on demand keeps ioredis out of a cold start
 * on Upstash (issue 12, ADR 014).
 */
import type { Env } from '../env.js';
import type { StoreHandle, StoreOptions } from './create-store.js';

export async function openStore(
  env: Pick<Env, 'REDIS_URL' | 'UPSTASH_REDIS_REST_URL' | 'UPSTASH_REDIS_REST_TOKEN'>,
  options: StoreOptions = {},
): Promise<StoreHandle> {
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    const { createUpstashClient, createUpstashStore } = await import('./upstash.js');
    const client = createUpstashClient(env.UPSTASH_REDIS_REST_URL, env.UPSTASH_REDIS_REST_TOKEN);
    return { store: createUpstashStore(client, { kind: 'upstash', ...options }), close: async () => {} };
  }
  if (env.REDIS_URL) return (await import('./create-store.js')).createRedisStore(env.REDIS_URL, options);
  const { createMemoryStore } = await import('./memory.js');
  return { store: createMemoryStore(), close: async () => {} };
}
