/**
 * The WeChat server API client (SPEC §3): code2Session, the stable access token, subscribe
 * messages, the phone number and mini-program codes. One client per app instance; the access token
 * is shared through the store, so all function instances use one token and refresh it one at a
 * time. Failures are thrown as `WechatApiError` (WeChat answered an errcode) or
 * `WechatNetworkError` (it could not be reached, or its reply not read).
 */
import { z } from 'zod';
import { acquireLock } from '../redis/lock.js';
import type { SharedStore } from '../redis/types.js';
import { classifySendFailure, SUBSCRIBE_SEND_ENDPOINT, type SubscribeSendOutcome } from './send-outcome.js';
import { STALE_TOKEN_ERRCODES, WechatApiError, WechatNetworkError } from './wechat-error.js';

export interface WechatClientOptions {
  baseUrl: string;
  appId: string;
  secret: string;
  store: SharedStore;
  fetch?: typeof fetch;
  /** Longest wait for one WeChat reply (default 10 s), so a hung call cannot hold a cron run. */
  timeoutMs?: number;
}

const TOKEN_KEY = 'wechat:access-token';
const TOKEN_LOCK_KEY = 'wechat:access-token:refresh';
/** Refresh 5 minutes before WeChat's expiry so no request carries a token about to die. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const LOCK_TTL_MS = 10_000;
const WAIT_STEP_MS = 50;
const DEFAULT_TIMEOUT_MS = 10_000;
/** The first byte of a JSON object: WeChat answers an image, or JSON with an errcode. */
const OPEN_BRACE = 0x7b;

const errorReply = z.object({ errcode: z.number().optional(), errmsg: z.string().optional() });
const sessionReply = z.object({ openid: z.string(), session_key: z.string(), unionid: z.string().optional() });
const tokenReply = z.object({ access_token: z.string(), expires_in: z.number() });
const phoneReply = z.object({
  phone_info: z.object({ phoneNumber: z.string(), purePhoneNumber: z.string(), countryCode: z.string() }),
});

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

export interface SubscribeMessage {
  toOpenId: string;
  templateId: string;
  /** Mini-program page opened by a tap, with its query (e.g. `pages/content/index?id=…&cid=…`). */
  page?: string;
  data: Record<string, string>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

/** wxacode.getUnlimited: a mini-program code that opens `page` with `scene` (issue 13 §4). */
export interface UnlimitedQrCodeRequest {
  /** ≤ 32 characters of `0-9A-Za-z!#$&'()*+,/:;=?@-._~` (see `encodeChannelScene`). */
  scene: string;
  /** A page of the published mini-program, without a leading slash or a query. */
  page: string;
  /** Whether WeChat checks that `page` exists in the published version (default true). */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
  /** Width in px, 280–1280 (default 430). */
  width?: number;
}

export type WechatClient = ReturnType<typeof createWechatClient>;

/** A reply read one way or another; `endpoint` (without the query) names it in errors. */
type ReadReply<T> = (res: Response, endpoint: string) => Promise<T>;

function throwOnErrcode(body: unknown, endpoint: string): void {
  const error = errorReply.safeParse(body);
  if (error.success && error.data.errcode)
    throw new WechatApiError(error.data.errcode, error.data.errmsg ?? '', endpoint);
}

/** Reads a JSON reply: an errcode throws, anything unreadable is a network error (`exchange`). */
const readJson =
  <T>(schema: z.ZodType<T>): ReadReply<T> =>
  async (res, endpoint) => {
    let body: unknown;
    try {
      body = await res.json();
    } catch (error) {
      throw new WechatNetworkError(endpoint, error, 'exchange');
    }
    throwOnErrcode(body, endpoint);
    return schema.parse(body);
  };

/** Reads an image reply (wxacode.getUnlimited): the bytes, or the errcode of a JSON reply. */
const readImage: ReadReply<Uint8Array> = async (res, endpoint) => {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (error) {
    throw new WechatNetworkError(endpoint, error, 'exchange');
  }
  if (bytes[0] === OPEN_BRACE) {
    let body: unknown = null;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      // Not JSON after all: reported below as an unreadable reply.
    }
    throwOnErrcode(body, endpoint);
  }
  if (!res.ok || bytes.length === 0 || bytes[0] === OPEN_BRACE) {
    throw new WechatNetworkError(endpoint, new Error(`HTTP ${res.status}: not an image`), 'exchange');
  }
  return bytes;
};

export function createWechatClient(options: WechatClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call<T>(endpoint: string, init: RequestInit, read: ReadReply<T>): Promise<T> {
    const name = endpoint.split('?')[0] ?? endpoint;
    let res: Response;
    try {
      res = await doFetch(`${base}${endpoint}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new WechatNetworkError(name, error);
    }
    return read(res, name);
  }

  const post = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  async function fetchStableToken(forceRefresh: boolean): Promise<string> {
    const reply = await call(
      '/cgi-bin/stable_token',
      post({
        grant_type: 'client_credential',
        appid: options.appId,
        secret: options.secret,
        force_refresh: forceRefresh,
      }),
      readJson(tokenReply),
    );
    const ttlMs = Math.max(1000, reply.expires_in * 1000 - TOKEN_MARGIN_MS);
    await options.store.set(TOKEN_KEY, reply.access_token, { ttlMs });
    return reply.access_token;
  }

  /**
   * The cached token, or a new one. Single flight across instances: the refresher holds a store
   * lock; the others poll the cache until the new token appears (or the lock frees up).
   * `staleToken` is the token that just failed: it is only replaced, never re-read as valid.
   */
  async function getAccessToken(staleToken?: string): Promise<string> {
    const deadline = Date.now() + LOCK_TTL_MS;
    for (;;) {
      const cached = await options.store.get(TOKEN_KEY);
      if (cached && cached !== staleToken) return cached;
      const lock = await acquireLock(options.store, TOKEN_LOCK_KEY, { ttlMs: LOCK_TTL_MS });
      if (lock) {
        try {
          const again = await options.store.get(TOKEN_KEY);
          if (again && again !== staleToken) return again;
          // force_refresh only when a token WeChat issued was refused; otherwise the stable
          // token endpoint returns the current one (getStableAccessToken, normal mode).
          return await fetchStableToken(staleToken !== undefined);
        } finally {
          await lock.release();
        }
      }
      if (Date.now() > deadline) {
        throw new WechatNetworkError(
          '/cgi-bin/stable_token',
          new Error('refresh by another instance timed out'),
          'connect',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }

  /**
   * Calls an endpoint that takes `access_token`; on a stale token (40001, 40014, 42001), refreshes
   * once and retries once. The retry is safe even for a send: WeChat refused the first call.
   */
  async function withToken<T>(endpoint: string, body: unknown, read: ReadReply<T>): Promise<T> {
    const token = await getAccessToken();
    try {
      return await call(`${endpoint}?access_token=${encodeURIComponent(token)}`, post(body), read);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !STALE_TOKEN_ERRCODES.has(error.errcode)) throw error;
      const fresh = await getAccessToken(token);
      return call(`${endpoint}?access_token=${encodeURIComponent(fresh)}`, post(body), read);
    }
  }

  /** subscribeMessage.send; throws on any failure (see `deliverSubscribeMessage` for outcomes). */
  async function sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const data = Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }]));
    await withToken(
      SUBSCRIBE_SEND_ENDPOINT,
      {
        touser: message.toOpenId,
        template_id: message.templateId,
        page: message.page,
        data,
        miniprogram_state: message.miniprogramState ?? 'formal',
        lang: 'zh_CN',
      },
      readJson(errorReply),
    );
  }

  return {
    getAccessToken: () => getAccessToken(),

    /** auth.code2Session: a `wx.login` code → the user's openid (GET /sns/jscode2session). */
    async code2Session(code: string): Promise<WechatSession> {
      const query = new URLSearchParams({
        appid: options.appId,
        secret: options.secret,
        js_code: code,
        grant_type: 'authorization_code',
      });
      const reply = await call(`/sns/jscode2session?${query}`, { method: 'GET' }, readJson(sessionReply));
      return { openid: reply.openid, sessionKey: reply.session_key, unionid: reply.unionid };
    },

    /** subscribeMessage.send; throws `WechatApiError` (43101: no grant) or `WechatNetworkError`. */
    sendSubscribeMessage,

    /**
     * subscribeMessage.send as the outcome the campaign runner acts on (issue 13): sent, no grant,
     * bad data, retry later, unknown (may have been delivered: never retried), or a configuration
     * error. Never throws for a WeChat or network failure.
     */
    async deliverSubscribeMessage(message: SubscribeMessage): Promise<SubscribeSendOutcome> {
      try {
        await sendSubscribeMessage(message);
        return { kind: 'sent' };
      } catch (error) {
        return classifySendFailure(error);
      }
    },

    /** phonenumber.getPhoneNumber: a `getPhoneNumber` button code → the bound mobile number. */
    async getPhoneNumber(code: string): Promise<{ phoneNumber: string; purePhoneNumber: string; countryCode: string }> {
      const reply = await withToken('/wxa/business/getuserphonenumber', { code }, readJson(phoneReply));
      return reply.phone_info;
    },

    /**
     * wxacode.getUnlimited: the PNG of a mini-program code (issue 13 §4). WeChat answers the image,
     * or JSON with an errcode: 41030 page not published, 45009 rate limited (5000 a minute;
     * pre-generate and cache codes), 40169 invalid scene.
     */
    async getUnlimitedQrCode(request: UnlimitedQrCodeRequest): Promise<Uint8Array> {
      return withToken(
        '/wxa/getwxacodeunlimit',
        {
          scene: request.scene,
          page: request.page,
          check_path: request.checkPath ?? true,
          env_version: request.envVersion ?? 'release',
          width: request.width ?? 430,
        },
        readImage,
      );
    },
  };
}
