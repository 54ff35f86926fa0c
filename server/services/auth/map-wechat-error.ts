/**
 * A failed WeChat call as the API's error (ADR 002): the user's own state (a bad or used code,
 * 40029 / 40163) is a 400, WeChat being busy (-1, 45011) a 503, anything else (our configuration,
 * an unreachable host, a reply we cannot read) a 502, logged with its cause. The Chinese text
 * comes from the errcode table in `wechat/wechat-error.ts` unless the caller knows better what
 * the user just did.
 */
import { AppError } from '../../http/app-error.js';
import { WechatApiError } from '../../wechat/wechat-error.js';

export function mapWechatError(error: unknown, userMessages: Partial<Record<number, string>> = {}): AppError {
  if (!(error instanceof WechatApiError))
    return new AppError('wechat_error', 'WeChat API call failed', { cause: error });
  const code =
    error.kind === 'user' ? 'bad_request' : error.kind === 'retryable' ? 'service_unavailable' : 'wechat_error';
  return new AppError(code, error.message, {
    userMessage: userMessages[error.errcode] ?? error.userMessage,
    cause: error,
  });
}
