/**
 * `createTestApp()`: the whole app, in process, on the worker's migrated database (emptied first)
 * and a fresh shared store, with a controllable clock. Call it in `beforeEach` or at the start of
 * a test; everything it opens is closed after the file.
 *
 * @example
 *   const t = await createTestApp();
 *   const res = await t.request('/api/health');
 *   expect(res.body).toEqual({ ok: true, db: t.dbKind, redis: t.store.kind });
 */
import { afterAll } from 'vitest';
import { type App, type CreateAppOptions, createApp } from '../../server/app.js';
import type { Database, DatabaseKind } from '../../server/db/client.js';
import { type Env, loadEnv, parseEnv } from '../../server/env.js';
import { createLogger, type LogEntry, type LogSink } from '../../server/log/logger.js';
import type { SharedStore } from '../../server/redis/types.js';
import { createTestClock, type TestClock } from './clock.js';
import { type RequestOptions, request, type TestResponse } from './request.js';
import { disposeTestDatabase, getTestDatabase, truncateAll } from './test-database.js';
import { createTestStore, disposeTestStores } from './test-store.js';
import { createTestWechatClient, disposeTestWechat, getTestWechat, type TestWechat } from './test-wechat.js';

export interface TestAppOptions extends CreateAppOptions {
  /** Extra env values on top of the test defaults (e.g. `{ CRON_SECRET: '…' }`). */
  env?: Record<string, string>;
  /** Start time of the clock. */
  now?: Date | string;
  /** Keep the rows of earlier `createTestApp()` calls in this file (default: truncate). */
  keepData?: boolean;
  /**
   * The test provokes errors on purpose: keep error logs in `logs` only. By default they also go
   * to `console.error`, so that an unexpected 500 fails the test (tests/setup).
   */
  expectErrorLogs?: boolean;
  /** The logger's level; `debug` keeps every entry in `logs` (default `warn`). */
  logLevel?: 'debug' | 'info' | 'warn';
}

export interface TestApp {
  app: App;
  db: Database;
  dbKind: DatabaseKind;
  store: SharedStore;
  env: Env;
  clock: TestClock;
  /** Every log entry at `warn` and above (or the chosen `logLevel`) written while handling requests. */
  logs: LogEntry[];
  /** The WeChat stand-in this app talks to. */
  wechat: TestWechat;
  request<T = unknown>(path: string, options?: RequestOptions): Promise<TestResponse<T>>;
}

/** Env for tests: the real backends' URLs from the process, test values for the rest. */
function testEnv(overrides: Record<string, string> = {}): Env {
  const { DATABASE_URL, REDIS_URL } = loadEnv();
  return parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: 'memory://',
    WECHAT_API_BASE: 'http://127.0.0.1:9/wechat-not-configured',
    WECHAT_APPID: 'wx-test-appid',
    AUTH_SECRET: 'test-auth-secret-0123456789abcdef0123456789',
    CRON_SECRET: 'test-cron-secret-0123456789',
    DATABASE_URL,
    REDIS_URL,
    ...overrides,
  });
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await getTestDatabase();
  if (!options.keepData) await truncateAll(database);
  const env = testEnv(options.env);
  const store = createTestStore();
  const clock = createTestClock(options.now);
  const logs: LogEntry[] = [];
  const sink: LogSink = (entry) => {
    logs.push(entry);
    if (entry.level === 'error' && !options.expectErrorLogs) console.error(JSON.stringify(entry));
  };
  const logger = createLogger({
    level: options.logLevel ?? 'warn',
    sink,
    now: clock.now,
    secrets: [env.AUTH_SECRET, env.CRON_SECRET, env.WECHAT_SECRET],
  });
  const wechat = await getTestWechat();
  const app = createApp(
    {
      db: database.handle.db,
      dbKind: database.handle.kind,
      store,
      env,
      logger,
      now: clock.now,
      wechat: createTestWechatClient(wechat.url, store),
    },
    options.routes ? { routes: options.routes } : {},
  );
  return {
    app,
    db: database.handle.db,
    dbKind: database.handle.kind,
    store,
    env,
    clock,
    logs,
    wechat,
    request: (path, requestOptions) => request(app, path, requestOptions),
  };
}

// Registered once per test file that imports the harness: close what the file opened.
afterAll(async () => {
  await Promise.all([disposeTestDatabase(), disposeTestStores(), disposeTestWechat()]);
});
