/**
 * The typed per-request context every route hands to its service (STYLE.md "Routes → services →
 * adapters"): no DI container and no module-level singletons. `createApp()` receives the
 * dependencies once; each request gets a context with its own request id and logger.
 */
import type { Database, DatabaseKind } from './db/client.js';
import type { Env } from './env.js';
import type { Logger } from './log/logger.js';
import type { SharedStore } from './redis/types.js';
import type { Principal } from './services/auth/session-token.js';
import type { StaffAccess } from './services/staff/staff-access.js';
import type { WechatClient } from './wechat/client.js';

/** What the app is built from; tests pass their own (`tests/helpers`). */
export interface AppDeps {
  db: Database;
  dbKind: DatabaseKind;
  store: SharedStore;
  env: Env;
  logger: Logger;
  /** The WeChat server API (the real one, or the local stand-in in development and tests). */
  wechat: WechatClient;
  /** The clock; defaults to the system clock. Services never call `new Date()` themselves. */
  now?: () => Date;
}

/** What a route passes to a service. */
export interface AppContext {
  db: Database;
  dbKind: DatabaseKind;
  store: SharedStore;
  env: Env;
  now: () => Date;
  wechat: WechatClient;
  /** Bound to this request's id. */
  logger: Logger;
  requestId: string;
}

/** Hono's environment type for the app: `c.var.ctx` and `c.var.requestId`. */
export interface AppEnv {
  Variables: {
    ctx: AppContext;
    requestId: string;
    /** Set by `requireAuth` / `optionalAuth` (http/auth.ts). */
    principal?: Principal;
    /** Set by `requireAccess` for staff routes (http/require-access.ts): the staff member and the route's scope. */
    staff?: StaffAccess;
  };
}

const systemClock = () => new Date();

export function createContext(deps: AppDeps, requestId: string): AppContext {
  return {
    db: deps.db,
    dbKind: deps.dbKind,
    store: deps.store,
    env: deps.env,
    now: deps.now ?? systemClock,
    wechat: deps.wechat,
    logger: deps.logger.child({ requestId }),
    requestId,
  };
}
