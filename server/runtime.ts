/**
 * The app as deployed: built from the validated environment, once per process or serverless
 * function instance. `api/index.ts` (Vercel) serves `runtimeApp` and starts building the runtime
 * in the background as it is imported (`warmUpRuntime`); `npm start` calls `createRuntime()`
 * itself so that it can migrate first. Migrations are not run here: a deploy runs
 * `npm run db:migrate` once, not every cold start.
 *
 * This module imports nothing at load: the app, the env schema and the clients are loaded by
 * `createRuntime` with `import()`, the database driver and the store client only the ones the
 * environment selects. So importing the function costs about what importing hono's Node listener does, and the
 * rest loads while the platform gets the first request to it (ADR 014).
 */
import type { App } from './app.js';
import type { DatabaseHandle } from './db/client.js';
import type { Env } from './env.js';
import type { Logger } from './log/logger.js';
import type { StoreHandle } from './redis/create-store.js';
import type { WechatClient } from './wechat/client.js';

export interface Runtime {
  app: App;
  env: Env;
  logger: Logger;
  database: DatabaseHandle;
  store: StoreHandle;
  /** The WeChat client the app uses (the campaign runner's timer in `npm start` sends with it). */
  wechat: WechatClient;
  close(): Promise<void>;
}

export async function createRuntime(given?: Env): Promise<Runtime> {
  const [{ createApp }, { loadEnv }, { createLogger }, { openDatabase }, { openStore }, wechatModule, standIn] =
    await Promise.all([
      import('./app.js'),
      import('./env.js'),
      import('./log/logger.js'),
      import('./db/open-database.js'),
      import('./redis/open-store.js'),
      import('./wechat/client.js'),
      import('./wechat/stand-in/credentials.js'),
    ]);
  const env = given ?? loadEnv();
  const logger = createLogger({
    level: env.LOG_LEVEL,
    secrets: [env.AUTH_SECRET, env.CRON_SECRET, env.WECHAT_SECRET, env.UPSTASH_REDIS_REST_TOKEN],
  });
  const [database, store] = await Promise.all([
    openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      onIdleConnectionError: (error) => logger.warn('database connection lost while idle', { error }),
    }),
    openStore(env),
  ]);
  const { STAND_IN_CREDENTIALS } = standIn;
  // Without an app secret the client talks to the local stand-in with its credentials (SPEC §3).
  const wechat = wechatModule.createWechatClient({
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
    wechat,
    close: async () => {
      await Promise.all([database.close(), store.close()]);
    },
  };
}

let instance: Promise<Runtime> | undefined;
/** The runtime once built, so that a request need not wait on a promise to reach it. */
let built: Runtime | undefined;

/** The process's runtime, created on first call (concurrent first requests share one). */
export function getRuntime(): Promise<Runtime> {
  instance ??= createRuntime().then(
    (runtime) => {
      built = runtime;
      return runtime;
    },
    (error: unknown) => {
      instance = undefined; // let the next request try again (e.g. a bad env fixed by a redeploy)
      throw error;
    },
  );
  return instance;
}

/** Closes the process's runtime, if it was created (tests, graceful shutdown). */
export async function closeRuntime(): Promise<void> {
  const current = instance;
  instance = undefined;
  built = undefined;
  await (await current)?.close();
}

/**
 * Starts building the process's runtime now, without waiting for it (the Vercel entry calls it
 * as it is imported). No connection opens (pools and clients connect on first use); a failure,
 * such as an invalid env, is reported to the first request, which tries again.
 */
export function warmUpRuntime(): void {
  getRuntime().catch(() => {});
}

/**
 * The function's fetch handler: each request goes to the real app, once built, so that importing
 * the entry file (a cold start) loads little and opens no connection. A plain function rather than
 * a second hono app in front of the real one: that routed and built a context twice per request
 * (issue 12, docs/performance.md "Phase 3").
 */
export function runtimeFetch(request: Request, env: unknown): Response | Promise<Response> {
  if (built) return built.app.fetch(request, env);
  return getRuntime().then((runtime) => runtime.app.fetch(request, env));
}
