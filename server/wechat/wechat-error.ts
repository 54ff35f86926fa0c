/**
 * Errors of the WeChat server API, by their documented `errcode` (developers.weixin.qq.com,
 * 服务端 API: auth.code2Session, getStableAccessToken, subscribeMessage.send,
 * phonenumber.getPhoneNumber, wxacode.getUnlimited), and of the network on the way there. The
 * kind tells the caller what to do; the Chinese text is safe to show a user.
 */

/** 40001 invalid credential, 40014 invalid access_token, 42001 access_token expired. */
export const STALE_TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

export type WechatErrorKind =
  /** The user's own state: no subscription grant (43101), a bad or used login code (40029). */
  | 'user'
  /** Worth retrying later: system busy (-1), rate or quota limited (45009, 45011). */
  | 'retryable'
  /** Our token went stale: refresh once and retry (40001, 40014, 42001). */
  | 'stale_token'
  /** Our request or configuration is wrong: bad appid/secret, template, page or data. */
  | 'config';

const KINDS: Record<number, WechatErrorKind> = {
  [-1]: 'retryable',
  45009: 'retryable',
  45011: 'retryable',
  40001: 'stale_token',
  40014: 'stale_token',
  42001: 'stale_token',
  40029: 'user',
  40163: 'user',
  43101: 'user',
  40226: 'user',
};

const USER_MESSAGES: Record<number, string> = {
  [-1]: '微信服务繁忙，请稍后再试',
  45009: '微信接口调用太频繁，请稍后再试',
  45011: '操作太频繁，请稍后再试',
  40029: '登录凭证无效，请重试',
  40163: '登录凭证已使用，请重试',
  43101: '用户未订阅该消息',
  40226: '账号存在风险，暂时无法登录',
};

export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';
  readonly kind: WechatErrorKind;
  readonly userMessage: string;

  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly endpoint: string,
  ) {
    super(`WeChat ${endpoint} failed: ${errcode} ${errmsg}`);
    this.kind = KINDS[errcode] ?? 'config';
    this.userMessage = USER_MESSAGES[errcode] ?? '微信服务暂时不可用，请稍后再试';
  }
}

/**
 * Network codes (Node's undici `fetch`) that mean the connection was never made, so WeChat cannot
 * have received the request. Anything else (a reset, a closed socket, a timeout, an unreadable
 * reply) happened after the request may have arrived.
 */
const NOT_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * WeChat could not be reached or its reply could not be read. `phase` says whether WeChat may
 * have acted on the request: `connect` (it cannot: safe to retry even a send) or `exchange` (it
 * may have: a subscribe message's outcome is unknown and must not be retried blindly).
 */
export class WechatNetworkError extends Error {
  override readonly name = 'WechatNetworkError';
  readonly phase: 'connect' | 'exchange';

  constructor(
    readonly endpoint: string,
    cause: unknown,
    phase?: 'connect' | 'exchange',
  ) {
    const code = (cause as { cause?: { code?: unknown } })?.cause?.code;
    super(`WeChat ${endpoint} unreachable: ${typeof code === 'string' ? code : String(cause)}`, { cause });
    this.phase = phase ?? (typeof code === 'string' && NOT_CONNECTED_CODES.has(code) ? 'connect' : 'exchange');
  }
}
