/**
 * The API as a real process, for the fault suite (issue 8 "a fault test in the repository"): the
 * same `createApp` production runs, on PGlite in a data folder (`--data-dir`) or on PostgreSQL in
 * its own schema (`--database-url`, `--schema`), served by @hono/node-server on loopback. On its
 * first start it creates `--leads` prospects; every start prints one JSON line
 * `{ "ready": true, "leadIds": [...] }` once it listens. The suite kills it with SIGKILL and starts
 * it again on the same data.
 *
 * node --import tsx tests/fault/fault-server.ts --port 4100 --data-dir /tmp/x --leads 12
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { asc, like } from 'drizzle-orm';
import { createApp } from '../../server/app.js';
import { createDatabase, type Database } from '../../server/db/client.js';
import { migrateDatabase } from '../../server/db/migrate.js';
import { findOrCreateLeadByOpenid } from '../../server/db/queries/leads.js';
import { leads } from '../../server/db/schema/index.js';
import { parseEnv } from '../../server/env.js';
import { createLogger } from '../../server/log/logger.js';
import { createMemoryStore } from '../../server/redis/memory.js';
import { toNewLead } from '../../server/services/leads/lead-domain-state.js';
import { getActiveScoringModel } from '../../server/services/leads/record-lead-signals.js';
import { createWechatClient } from '../../server/wechat/client.js';
import { FAULT_AUTH_SECRET } from './app-process.js';

const OPENID_PREFIX = 'o_fault_';

/** The suite's prospects, created on the first start only (a restart finds them). */
async function ensureLeads(db: Database, count: number): Promise<string[]> {
  const now = new Date();
  await db.transaction(async (tx) => {
    const model = await getActiveScoringModel(tx);
    for (let i = 0; i < count; i += 1) {
      const openid = `${OPENID_PREFIX}${String(i).padStart(3, '0')}`;
      await findOrCreateLeadByOpenid(tx, toNewLead({ openid, at: now, model, source: 'fault_suite' }));
    }
  });
  const rows = await db
    .select({ id: leads.id })
    .from(leads)
    .where(like(leads.openid, `${OPENID_PREFIX}%`))
    .orderBy(asc(leads.openid));
  return rows.map((r) => r.id);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    schema: { type: 'string' },
    leads: { type: 'string', default: '0' },
  },
});
const handle = createDatabase({
  databaseUrl: values['database-url'],
  dataDir: values['data-dir'],
  searchPath: values.schema,
});
await migrateDatabase(handle);
const leadIds = await ensureLeads(handle.db, Number(values.leads));
const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'error', AUTH_SECRET: FAULT_AUTH_SECRET });
const store = createMemoryStore();
const app = createApp({
  db: handle.db,
  dbKind: handle.kind,
  store,
  env,
  logger: createLogger({ level: 'error' }),
  // Ingest never calls WeChat; an unreachable host makes any accidental call fail loudly.
  wechat: createWechatClient({ baseUrl: 'http://127.0.0.1:9', appId: 'fault', secret: 'fault', store }),
});
serve({ fetch: app.fetch, port: Number(values.port), hostname: '127.0.0.1' }, () => {
  process.stdout.write(`${JSON.stringify({ ready: true, leadIds })}\n`);
});
