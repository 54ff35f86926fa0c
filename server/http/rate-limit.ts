/**
 * `rateLimit(rule)`: route middleware that counts each request against a fixed window in the
 * shared store (`redis/rate-limit.ts`) and answers 429 `rate_limited` with `Retry-After` when the
 * window is used up. The rule is computed per request, so the key can be the caller's address or
 * lead; a rule of `null` lets the request through uncounted. `enforceRateLimit` is the same check
 * for a service that learns its key only on the way (login counts per WeChat user after
 * code2session).
 *
 * @example middleware: [rateLimit((c) => ({ key: `ingest:ip:${clientAddress(c)}`, limit: 600, windowMs: 60_000 }))]
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppContext, AppEnv } from '../context.js';
import { consumeRateLimit, type RateLimitResult, type RateLimitRule } from '../redis/rate-limit.js';
import { AppError } from './app-error.js';
import { clientAddress } from './client-address.js';
import { describeMiddleware } from './middleware-doc.js';

function secondsUntilReset(result: RateLimitResult, now: Date): number {
  return Math.max(1, Math.ceil((result.resetAt.getTime() - now.getTime()) / 1000));
}

function rateLimited(rule: RateLimitRule, result: RateLimitResult, now: Date): AppError {
  return new AppError('rate_limited', `Rate limit of ${rule.limit} per ${rule.windowMs} ms exceeded for ${rule.key}`, {
    retryAfterSeconds: secondsUntilReset(result, now),
  });
}

/** Counts one request against `rule`; throws 429 `rate_limited` (with `Retry-After`) past the limit. */
export async function enforceRateLimit(ctx: Pick<AppContext, 'store' | 'now'>, rule: RateLimitRule): Promise<void> {
  const now = ctx.now();
  const result = await consumeRateLimit(ctx.store, rule, now);
  if (!result.allowed) throw rateLimited(rule, result, now);
}

export const rateLimit = (ruleFor: (c: Context<AppEnv>) => RateLimitRule | null) =>
  describeMiddleware(
    createMiddleware<AppEnv>(async (c, next) => {
      const rule = ruleFor(c);
      if (!rule) return next();
      const { ctx } = c.var;
      const now = ctx.now();
      const result = await consumeRateLimit(ctx.store, rule, now);
      // IETF draft "RateLimit header fields for HTTP"; Retry-After is RFC 9110 §10.2.3.
      c.header('RateLimit-Limit', String(result.limit));
      c.header('RateLimit-Remaining', String(result.remaining));
      c.header('RateLimit-Reset', String(secondsUntilReset(result, now)));
      if (!result.allowed) throw rateLimited(rule, result, now);
      return next();
    }),
    {
      errors: ['rate_limited'],
      errorHeaders: {
        rate_limited: {
          'Retry-After': {
            description: 'Seconds until the window ends and the request may be retried (RFC 9110 §10.2.3)',
            schema: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
  );

/**
 * @deprecated Use `clientAddress` (http/client-address.ts); kept so that routes written against the
 * old name still compile. It now returns the trusted client address (ADR 007), never a header as sent.
 */
export const clientIp = clientAddress;
