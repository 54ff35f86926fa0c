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
import { consumeRateLimit, consumeRateLimits, type RateLimitResult, type RateLimitRule } from '../redis/rate-limit.js';
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

/**
 * Several rules (per address and per lead) are counted in one round trip to the store; the headers
 * describe the rule closest to its limit, and a request past any limit is refused.
 */
export const rateLimit = (ruleFor: (c: Context<AppEnv>) => RateLimitRule | readonly RateLimitRule[] | null) =>
  describeMiddleware(
    createMiddleware<AppEnv>(async (c, next) => {
      const chosen = ruleFor(c);
      const rules = chosen === null ? [] : Array.isArray(chosen) ? chosen : [chosen as RateLimitRule];
      if (rules.length === 0) return next();
      const { ctx } = c.var;
      const now = ctx.now();
      const results = await consumeRateLimits(ctx.store, rules, now);
      let binding = 0;
      for (let i = 1; i < results.length; i += 1) {
        const [a, b] = [results[i] as RateLimitResult, results[binding] as RateLimitResult];
        if (a.allowed < b.allowed || (a.allowed === b.allowed && a.remaining < b.remaining)) binding = i;
      }
      const result = results[binding] as RateLimitResult;
      // IETF draft "RateLimit header fields for HTTP"; Retry-After is RFC 9110 §10.2.3.
      c.header('RateLimit-Limit', String(result.limit));
      c.header('RateLimit-Remaining', String(result.remaining));
      c.header('RateLimit-Reset', String(secondsUntilReset(result, now)));
      if (!result.allowed) throw rateLimited(rules[binding] as RateLimitRule, result, now);
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
