/**
 * What became of a subscribe message (issue 13 "WeChat errors are handled by their documented
 * codes"; subscribeMessage.send errcodes). The campaign runner acts on the outcome, never on raw
 * errcodes:
 *
 * | outcome | from | the runner |
 * |---|---|---|
 * | `sent` | errcode 0 | keeps the spent grant, records `message_sent` |
 * | `no_grant` | 43101 user refused / no subscription | refunds the spend, marks the grant gone |
 * | `bad_data` | 47003 template data invalid | refunds, fails the step with the reason |
 * | `retry_later` | 45009 quota, -1 busy, 45011, a stale token after one refresh, no connection | refunds, retries with backoff, bounded |
 * | `unknown` | the request may have reached WeChat but no reply was read | keeps the spend, never retries (at most once), lists it |
 * | `invalid_template` | 40037 template_id invalid | refunds, stops the step: configuration |
 * | `invalid_page` | 41030 page invalid | refunds, stops the step: configuration |
 * | `invalid_openid` | 40003 openid invalid | refunds, fails the send for this lead |
 * | `failed` | any other errcode | refunds, fails the send with the code |
 *
 * Stale tokens (40001, 40014, 42001) never reach here on the first try: the client refreshes once
 * and retries, which is safe because WeChat refused the first call.
 */
import { STALE_TOKEN_ERRCODES, WechatApiError, WechatNetworkError } from './wechat-error.js';

export type SubscribeSendOutcome =
  | { kind: 'sent' }
  | { kind: 'no_grant'; errcode: 43101 }
  | { kind: 'bad_data'; errcode: 47003; reason: string }
  | { kind: 'retry_later'; errcode: number | null; reason: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'invalid_template'; errcode: 40037 }
  | { kind: 'invalid_page'; errcode: 41030 }
  | { kind: 'invalid_openid'; errcode: 40003 }
  | { kind: 'failed'; errcode: number; reason: string };

export type SubscribeSendOutcomeKind = SubscribeSendOutcome['kind'];

/** The endpoint of subscribeMessage.send: only its network failures can leave a send unknown. */
export const SUBSCRIBE_SEND_ENDPOINT = '/cgi-bin/message/subscribe/send';

/** Errcodes after which the same send may simply be tried again later (WeChat did not act). */
const RETRY_LATER_ERRCODES: ReadonlySet<number> = new Set([-1, 45009, 45011, ...STALE_TOKEN_ERRCODES]);

/**
 * The outcome of a failed `subscribeMessage.send` (see the table above). Anything that is neither
 * a WeChat errcode nor a network failure (a bug of ours before the request left) is rethrown.
 */
export function classifySendFailure(error: unknown): SubscribeSendOutcome {
  if (error instanceof WechatNetworkError) {
    // A failure on the way to a token never sent the message.
    return error.phase === 'connect' || error.endpoint !== SUBSCRIBE_SEND_ENDPOINT
      ? { kind: 'retry_later', errcode: null, reason: error.message }
      : { kind: 'unknown', reason: error.message };
  }
  if (!(error instanceof WechatApiError)) throw error;
  const reason = `${error.errcode} ${error.errmsg}`;
  switch (error.errcode) {
    case 43101:
      return { kind: 'no_grant', errcode: 43101 };
    case 47003:
      return { kind: 'bad_data', errcode: 47003, reason: error.errmsg };
    case 40037:
      return { kind: 'invalid_template', errcode: 40037 };
    case 41030:
      return { kind: 'invalid_page', errcode: 41030 };
    case 40003:
      return { kind: 'invalid_openid', errcode: 40003 };
    default:
      return RETRY_LATER_ERRCODES.has(error.errcode)
        ? { kind: 'retry_later', errcode: error.errcode, reason }
        : { kind: 'failed', errcode: error.errcode, reason };
  }
}
