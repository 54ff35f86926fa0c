/**
 * Turns every failure into the one envelope (ADR 002, `shared/errors.ts`). Known errors keep
 * their code; hono's HTTPExceptions (malformed JSON, body limit) map by status; anything else is
 * a 500 with a generic message, logged with the request id and never echoed.
 */
import { ERROR_STATUS, ERROR_USER_MESSAGES, type ErrorCode, type ErrorEnvelope } from '@scrm/shared';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../context.js';
import type { Logger } from '../log/logger.js';
import { AppError } from './app-error.js';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Renders an envelope; `requestId` falls back to the header when the middleware did not run. */
export function errorResponse(c: Context<AppEnv>, error: AppError) {
  const body: ErrorEnvelope = {
    error: {
      code: error.code,
      message: error.message,
      userMessage: error.userMessage ?? ERROR_USER_MESSAGES[error.code],
      requestId: c.get('requestId') ?? 'unknown',
      ...(error.issues ? { issues: error.issues } : {}),
    },
  };
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
  return c.json(body, ERROR_STATUS[error.code]);
}

/** Normalises anything thrown into an AppError; `undefined` means unexpected (a 500). */
function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    const code = CODE_BY_STATUS[error.status];
    return code ? new AppError(code, error.message || code) : undefined;
  }
  return undefined;
}

export function createErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const known = toAppError(error);
    if (known) {
      if (known.status >= 500)
        logger.error('request failed', { requestId: c.get('requestId'), code: known.code, err: error });
      return errorResponse(c, known);
    }
    logger.error('unhandled error', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      err: error,
    });
    return errorResponse(c, new AppError('internal', 'Internal server error'));
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`));
