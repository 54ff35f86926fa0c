import type { Clock } from '../platform/clock';
import type { KeyValueStorage } from '../platform/storage';
import { ApiError, createApiErrorFromReply, createNetworkError } from './errors';
import { API_MESSAGES } from './messages';
import { createSessionStore, readLoginReply, type Session } from './session';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

export interface HttpReply {
  status: number;
  body: unknown;
}

/** Performs one HTTP exchange; rejects only when no reply arrived (offline, DNS, timeout). */
export type HttpTransport = (request: HttpRequest) => Promise<HttpReply>;

export interface ApiClientDeps {
  /** '' for same origin (H5), else e.g. 'http://localhost:3000'; no trailing slash. */
  baseUrl: string;
  http: HttpTransport;
  storage: KeyValueStorage;
  /** A fresh one-time WeChat login code (`wx.login`). */
  getLoginCode: () => Promise<string>;
  clock: Clock;
  timeoutMs?: number;
}

/** Anything with zod's `parse`: pass the contract's response schema and the result is typed by it. */
export interface ReplySchema<T> {
  parse(data: unknown): T;
}

export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions<T> {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema?: ReplySchema<T>;
  /** Default true: log in first when there is no valid session. */
  isAuthenticated?: boolean;
  /**
   * Whose token to send: the prospect's (default) or the staff token of the same login, which
   * `/api/staff/*` requires (ADR 011). Without a staff session the call fails with `forbidden`.
   */
  as?: 'prospect' | 'staff';
}

export interface ApiClient {
  /** Calls the API and returns the reply parsed by `schema` (or `undefined` without one); throws {@link ApiError}. */
  request<T = undefined>(path: string, options?: RequestOptions<T>): Promise<T>;
  /** The stored session when it is still valid, else a fresh login. */
  ensureSession(): Promise<Session>;
  /** The stored session without a network call (expired or not), or `null`. */
  findSession(): Session | null;
  signOut(): void;
}

/** Renew this long before the token's stated expiry, so a request in flight does not race it. */
const EXPIRY_MARGIN_MS = 60_000;

function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): string {
  // Hand-built: URLSearchParams is missing from older WeChat base libraries.
  const search = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

/**
 * The one API client of the mini-program (STYLE.md "All network access goes through one client").
 * It keeps the token in storage, sends it as `Authorization: Bearer`, logs in again once when the
 * server answers 401 (an expired or revoked token), and turns every failure into an ApiError
 * with a Chinese `userMessage`.
 */
export function createApiClient(deps: ApiClientDeps): ApiClient {
  const sessions = createSessionStore(deps.storage);
  const timeoutMs = deps.timeoutMs ?? 15_000;
  // Single flight: pages that load together and all find the token expired share one login.
  let loginInFlight: Promise<Session> | null = null;

  async function exchange(path: string, options: RequestOptions<unknown>, token: string | null): Promise<HttpReply> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await deps.http({
        url: buildUrl(deps.baseUrl, path, options.query),
        method: options.method ?? 'GET',
        headers,
        body: options.body,
        timeoutMs,
      });
    } catch (cause) {
      throw createNetworkError(path, cause);
    }
  }

  async function login(): Promise<Session> {
    let code: string;
    try {
      code = await deps.getLoginCode();
    } catch (cause) {
      throw new ApiError({
        code: 'login_failed',
        status: 0,
        message: `wx.login failed: ${String(cause)}`,
        userMessage: API_MESSAGES.loginFailed,
        path: null,
      });
    }
    const reply = await exchange('/api/auth/login', { method: 'POST', body: { code } }, null);
    if (reply.status < 200 || reply.status >= 300)
      throw createApiErrorFromReply('/api/auth/login', reply.status, reply.body);
    const session = readLoginReply(reply.body);
    if (!session) throw invalidResponse('/api/auth/login');
    sessions.save(session);
    return session;
  }

  function renewSession(): Promise<Session> {
    loginInFlight ??= login().finally(() => {
      loginInFlight = null;
    });
    return loginInFlight;
  }

  function isUnexpired(iso: string): boolean {
    const expiresAt = Date.parse(iso);
    return Number.isFinite(expiresAt) && expiresAt - EXPIRY_MARGIN_MS > deps.clock.now();
  }

  function isValid(session: Session): boolean {
    return isUnexpired(session.expiresAt) && (session.staff === null || isUnexpired(session.staff.expiresAt));
  }

  function pickToken(session: Session, options: RequestOptions<unknown>, path: string): string {
    if (options.as !== 'staff') return session.token;
    if (!session.staff) {
      throw new ApiError({
        code: 'forbidden',
        status: 403,
        message: 'this login is not bound to a staff member',
        userMessage: API_MESSAGES.notStaff,
        path,
      });
    }
    return session.staff.token;
  }

  async function ensureSession(): Promise<Session> {
    const stored = sessions.find();
    return stored && isValid(stored) ? stored : renewSession();
  }

  async function request<T = undefined>(path: string, options: RequestOptions<T> = {}): Promise<T> {
    const isAuthenticated = options.isAuthenticated ?? true;
    let token = isAuthenticated ? pickToken(await ensureSession(), options, path) : null;
    let reply = await exchange(path, options, token);
    if (reply.status === 401 && isAuthenticated) {
      // Once only: a second 401 with a brand-new token is not an expiry, and looping would hammer login.
      sessions.clear();
      token = pickToken(await renewSession(), options, path);
      reply = await exchange(path, options, token);
    }
    if (reply.status < 200 || reply.status >= 300) throw createApiErrorFromReply(path, reply.status, reply.body);
    if (!options.schema) return undefined as T;
    try {
      return options.schema.parse(reply.body);
    } catch {
      throw invalidResponse(path);
    }
  }

  return {
    request,
    ensureSession,
    findSession: () => sessions.find(),
    signOut: () => sessions.clear(),
  };
}

function invalidResponse(path: string): ApiError {
  return new ApiError({
    code: 'invalid_response',
    status: 200,
    message: `reply of ${path} does not match its contract`,
    userMessage: API_MESSAGES.invalidResponse,
    path,
  });
}
