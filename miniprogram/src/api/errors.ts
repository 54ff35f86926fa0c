import { ERROR_USER_MESSAGES, type ErrorCode, type ErrorIssue, errorEnvelopeSchema } from '@scrm/shared';
import { API_MESSAGES } from './messages';

/**
 * The server's codes (shared/errors.ts) plus the failures that happen before a reply is read:
 * `network_error` (no reply: offline, DNS, timeout), `invalid_response` (a reply that is not the
 * contract), `login_failed` (WeChat refused `wx.login`).
 */
export type ApiErrorCode = ErrorCode | 'network_error' | 'invalid_response' | 'login_failed';

/**
 * Every failure of an API call. Pages show `userMessage` (Chinese, safe to show) and may switch
 * on `code`; `message` is English for logs; `status` is 0 when no HTTP reply arrived.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly userMessage: string;
  readonly requestId: string | null;
  readonly issues: readonly ErrorIssue[];
  /** The API path that answered (e.g. '/api/auth/login' during a re-login), for logs and callers. */
  readonly path: string | null;

  constructor(init: {
    code: ApiErrorCode;
    status: number;
    message: string;
    userMessage: string;
    requestId?: string | null;
    issues?: readonly ErrorIssue[];
    path?: string | null;
  }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.userMessage = init.userMessage;
    this.requestId = init.requestId ?? null;
    this.issues = init.issues ?? [];
    this.path = init.path ?? null;
  }

  /** True when the request may succeed if simply repeated later. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** The ApiError of a non-2xx reply: from the envelope when there is one, from the status otherwise. */
export function createApiErrorFromReply(path: string, status: number, body: unknown): ApiError {
  const envelope = errorEnvelopeSchema.safeParse(body);
  if (envelope.success) {
    const { code, message, userMessage, requestId, issues } = envelope.data.error;
    return new ApiError({
      code,
      status,
      message,
      userMessage: userMessage ?? ERROR_USER_MESSAGES[code],
      requestId,
      issues,
      path,
    });
  }
  const code = codeOfStatus(status);
  return new ApiError({
    code,
    status,
    message: `HTTP ${status} without an error envelope`,
    userMessage: ERROR_USER_MESSAGES[code],
    path,
  });
}

/** A best guess for replies that did not come from our API (a proxy's 502 page, a gateway's 413). */
function codeOfStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'service_unavailable';
  if (status >= 500) return 'internal';
  return 'bad_request';
}

export function createNetworkError(path: string, cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(JSON.stringify(cause));
  return new ApiError({
    code: 'network_error',
    status: 0,
    message: `no reply: ${detail}`,
    userMessage: API_MESSAGES.network,
    path,
  });
}
