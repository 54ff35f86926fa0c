/**
 * The app as deployed: built from the validated environment, once per process or serverless
 * function instance, on first use. `api/index.ts` (Vercel) serves `runtimeApp`; `npm start`
 * calls `createRuntime()` itself so that it can migrate first. Migrations are not run here: a
 * deploy runs `npm run db:migrate` once, not every cold start. The database driver and the
 * store's client are imported when the runtime is built, and only the ones the environment
 * selects (ADR 014), so that importing this module (a cold start) loads neither.
 */
import { Hono } from 'hono';
import { type App, createApp } from './app.js';
import type { DatabaseHandle } from './db/client.js';
import { openDatabase } from './db/open-database.js';
import { type Env, loadEnv } from './env.js';
import { createLogger, type Logger } from './log/logger.js';
import type { StoreHandle } from './redis/create-store.js';
import { openStore } from './redis/open-store.js';
import { createWechatClient } from './wechat/client.js';
import { STAND_IN_CREDENTIALS } from './wechat/stand-in/credentials.js';

export interface Runtime {
  app: App;
  env: Env;
  logger: Logger;
  database: DatabaseHandle;
  store: StoreHandle;
  close(): Promise<void>;
}

export async function createRuntime(env: Env = loadEnv()): Promise<Runtime> {
  const logger = createLogger({ level: env.LOG_LEVEL });
  const [database, store] = await Promise.all([
    openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }),
    openStore(env),
  ]);
  // Without an app secret the client talks to the local stand-in with its credentials (SPEC §3).
  const wechat = createWechatClient({
    baseUrl: env.WECHAT_API_BASE,
    appId: env.WECHAT_APPID ?? STAND_IN_CREDENTIALS.appId,
    secret: env.WECHAT_SECRET ?? STAND_IN_CREDENTIALS.secret,
    store: store.store,
  });
  const app = createApp({ db: database.db, dbKind: database.kind, store: store.store, env, logger, wechat });
  return {
    app,
    env,
    logger,
    database,
    store,
    close: async () => {
      await Promise.all([database.close(), store.close()]);
    },
  };
}

let instance: Promise<Runtime> | undefined;

/** The process's runtime, created on first call (concurrent first requests share one). */
export function getRuntime(): Promise<Runtime> {
  instance ??= createRuntime().catch((error: unknown) => {
    instance = undefined; // let the next request try again (e.g. a bad env fixed by a redeploy)
    throw error;
  });
  return instance;
}

/** Closes the process's runtime, if it was created (tests, graceful shutdown). */
export async function closeRuntime(): Promise<void> {
  const current = instance;
  instance = undefined;
  await (await current)?.close();
}

/**
 * A stand-in app that builds the real one on its first request, so that importing the entry
 * file (a cold start) reads no env and opens no connection until a request arrives.
 */
export const runtimeApp = new Hono().all('*', async (c) => (await getRuntime()).app.fetch(c.req.raw, c.env));
