import { Redis as IORedis } from 'ioredis';
import { afterAll, beforeAll, describe } from 'vitest';
import { deleteKeys } from '../../tests/helpers/index.js';
import { startUpstashRestBridge, type UpstashRestBridge } from '../../tests/helpers/upstash-rest-bridge.js';
import { loadEnv } from '../env.js';
import { createRedisStore } from './create-store.js';
import { createMemoryStore } from './memory.js';
import { describeSharedStoreContract } from './store-contract.js';
import { createUpstashClient, createUpstashStore } from './upstash.js';

describeSharedStoreContract('memory', async () => ({ store: createMemoryStore(), cleanup: async () => {} }));

// Where REDIS_URL is set (CI's second run), the same contract runs on the real redis-server twice:
// through the ioredis requester (what REDIS_URL selects), and through the production Upstash REST
// client (HTTP, bearer token, base64 responses) behind a small REST bridge. Without it both suites
// are reported as skipped, with the reason in their name, instead of disappearing.
const { REDIS_URL } = loadEnv();
describe.skipIf(!REDIS_URL)('on a real redis-server (skipped: REDIS_URL is unset; CI sets it)', () => {
  const redisUrl = REDIS_URL ?? '';
  let admin: IORedis;
  let bridge: UpstashRestBridge;
  beforeAll(async () => {
    admin = new IORedis(redisUrl, { lazyConnect: true });
    bridge = await startUpstashRestBridge(admin);
  });
  afterAll(async () => {
    await bridge.close();
    await admin.quit();
  });

  describeSharedStoreContract('redis (@upstash/redis through ioredis)', async () => {
    const prefix = `test:store:${crypto.randomUUID()}:`;
    const handle = createRedisStore(redisUrl, { prefix });
    return {
      store: handle.store,
      cleanup: async () => {
        await deleteKeys(admin, `${prefix}*`);
        await handle.close();
      },
    };
  });

  describeSharedStoreContract('upstash (REST over HTTP, base64)', async () => {
    const prefix = `test:upstash:${crypto.randomUUID()}:`;
    const store = createUpstashStore(createUpstashClient(bridge.url, bridge.token), { kind: 'upstash', prefix });
    return { store, cleanup: () => deleteKeys(admin, `${prefix}*`) };
  });
});
