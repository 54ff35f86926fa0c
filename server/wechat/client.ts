/**
 * The WeChat server API client (SPEC §3): code2Session, the stable access token, subscribe
 * messages and the phone number. One client per app instance; the access token is shared through
 * the store, so all function instances use one token and refresh it one at a time.
 */
import { z } from 'zod';
import { acquireLock } from '../redis/lock.js';
import type { SharedStore } from '../redis/types.js';
import { STALE_TOKEN_ERRCODES, WechatApiError } from './wechat-error.js';

export interface WechatClientOptions {
  baseUrl: string;
  appId: string;
  secret: string;
  store: SharedStore;
  fetch?: typeof fetch;
}

const TOKEN_KEY = 'wechat:access-token';
const TOKEN_LOCK_KEY = 'wechat:access-token:refresh';
/** Refresh 5 minutes before WeChat's expiry so no request carries a token about to die. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const LOCK_TTL_MS = 10_000;
const WAIT_STEP_MS = 50;

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

export type WechatClient = ReturnType<typeof createWechatClient>;

export function createWechatClient(options: WechatClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/$/, '');

  async function call<T>(endpoint: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
    const res = await doFetch(`${base}${endpoint}`, init);
    const body: unknown = await res.json();
    const error = errorReply.parse(body);
    if (error.errcode) throw new WechatApiError(error.errcode, error.errmsg ?? '', endpoint.split('?')[0] ?? endpoint);
    return schema.parse(body);
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
      tokenReply,
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
      if (Date.now() > deadline) throw new Error('WeChat access token refresh timed out');
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }

  /** Calls an endpoint that takes `access_token`; on a stale token, refreshes once and retries once. */
  async function withToken<T>(endpoint: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const token = await getAccessToken();
    try {
      return await call(`${endpoint}?access_token=${encodeURIComponent(token)}`, post(body), schema);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !STALE_TOKEN_ERRCODES.has(error.errcode)) throw error;
      const fresh = await getAccessToken(token);
      return call(`${endpoint}?access_token=${encodeURIComponent(fresh)}`, post(body), schema);
    }
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
      const reply = await call(`/sns/jscode2session?${query}`, { method: 'GET' }, sessionReply);
      return { openid: reply.openid, sessionKey: reply.session_key, unionid: reply.unionid };
    },

    /** subscribeMessage.send; 43101 when the user holds no grant for the template. */
    async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
      const data = Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }]));
      await withToken(
        '/cgi-bin/message/subscribe/send',
        {
          touser: message.toOpenId,
          template_id: message.templateId,
          page: message.page,
          data,
          miniprogram_state: message.miniprogramState ?? 'formal',
          lang: 'zh_CN',
        },
        errorReply,
      );
    },

    /** phonenumber.getPhoneNumber: a `getPhoneNumber` button code → the bound mobile number. */
    async getPhoneNumber(code: string): Promise<{ phoneNumber: string; purePhoneNumber: string; countryCode: string }> {
      const reply = await withToken('/wxa/business/getuserphonenumber', { code }, phoneReply);
      return reply.phone_info;
    },
  };
}
