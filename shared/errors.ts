/**
 * The API's one error vocabulary (STYLE.md "Errors and configuration"): a closed set of codes the
 * mini-program can switch on, the HTTP status of each, and the envelope every error response has:
 * `{ "error": { "code", "message", "userMessage"?, "requestId", "issues"? } }`.
 *
 * `message` is English for developers and logs; `userMessage` is Simplified Chinese and safe to
 * show to a prospect or an advisor.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'registration_required',
  'not_found',
  'link_expired',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'wechat_error',
  'service_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status of each code (RFC 9110 §15, 410 Gone in §15.5.11; 429 from RFC 6585 §4). */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  /** The prospect must register (with consent) first: gated downloads, trial bookings. */
  registration_required: 403,
  not_found: 404,
  /** A signed link (a gated download, ADR 009) past its expiry: fetch a fresh one. */
  link_expired: 410,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  /** The WeChat API answered with an errcode we cannot recover from (SPEC §2.5). */
  wechat_error: 502,
  service_unavailable: 503,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** The default Chinese text shown to people for each code, when the thrower gives none. */
export const ERROR_USER_MESSAGES: Record<ErrorCode, string> = {
  bad_request: '请求有误，请稍后重试',
  validation_failed: '填写的内容有误，请检查后重试',
  unauthenticated: '请先登录',
  forbidden: '没有权限查看或修改该内容',
  registration_required: '请先完成登记',
  not_found: '内容不存在或已删除',
  link_expired: '链接已过期，请返回重新打开',
  conflict: '操作冲突，请刷新后重试',
  payload_too_large: '提交的内容过大',
  rate_limited: '操作太频繁，请稍后再试',
  wechat_error: '微信服务暂时不可用，请稍后再试',
  service_unavailable: '服务暂时不可用，请稍后再试',
  internal: '服务器开小差了，请稍后再试',
};

/** One field-level problem of a `validation_failed` error: `path` is dotted (`events.0.occurredAt`). */
export const errorIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

/** The body of every error response. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    userMessage: z.string().optional(),
    requestId: z.string(),
    issues: z.array(errorIssueSchema).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Whether `value` is one of {@link ERROR_CODES}; lets a client narrow an unknown code. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
