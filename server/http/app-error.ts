/**
 * The one error type services and routes throw on purpose. It carries a code from the closed set
 * in `shared/errors.ts`; the HTTP status follows from the code (ADR 002).
 */
import { ERROR_STATUS, type ErrorCode, type ErrorIssue } from '@scrm/shared';

export interface AppErrorOptions {
  /** Chinese text safe to show; defaults to the code's generic text. */
  userMessage?: string;
  issues?: ErrorIssue[];
  /** Sent as `Retry-After` (RFC 9110 §10.2.3) with a 429 or 503. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * @example throw new AppError('conflict', 'trial session is full', { userMessage: '该场试听已约满' });
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: (typeof ERROR_STATUS)[ErrorCode];
  readonly userMessage: string | undefined;
  readonly issues: ErrorIssue[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = ERROR_STATUS[code];
    this.userMessage = options.userMessage;
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /**
   * A 400 naming every invalid field, e.g. `events.0.occurredAt: Invalid ISO datetime`. When the
   * first issue's message is Chinese (the shared fields write theirs so), it is the user message.
   */
  static fromZod(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): AppError {
    const issues = error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    const message = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    const first = issues[0]?.message;
    const userMessage = first && /[\u4e00-\u9fff]/.test(first) ? first : undefined;
    return new AppError('validation_failed', message || 'Invalid request', {
      issues,
      ...(userMessage ? { userMessage } : {}),
    });
  }
}
