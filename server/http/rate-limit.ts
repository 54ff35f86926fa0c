/**
 * `rateLimit(rule)`: route middleware that counts each request against a fixed window in the
 * shared store (`redis/rate-limit.ts`) and answers 429 `rate_limited` with `Retry-After` when the
 * window is used up. The rule is computed per request, so the key can be the caller's IP or lead.
 *
 * @example middleware: [rateLimit((c) => ({ key: `ingest:ip:${clientIp(c)}`, limit: 120, windowMs: 60_000 }))]
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import { consumeRateLimit, type RateLimitRule } from '../redis/rate-limit.js';
import { AppError } from './app-error.js';

export const rateLimit = (ruleFor: (c: Context<AppEnv>) => RateLimitRule | null) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const rule = ruleFor(c);
    if (!rule) return next();
    const { ctx } = c.var;
    const now = ctx.now();
    const result = await consumeRateLimit(ctx.store, rule, now);
    const resetSeconds = Math.max(1, Math.ceil((result.resetAt.getTime() - now.getTime()) / 1000));
    // IETF draft "RateLimit header fields for HTTP"; Retry-After is RFC 9110 §10.2.3.
    c.header('RateLimit-Limit', String(result.limit));
    c.header('RateLimit-Remaining', String(result.remaining));
    c.header('RateLimit-Reset', String(resetSeconds));
    if (!result.allowed) {
      c.header('Retry-After', String(resetSeconds));
      throw new AppError(
        'rate_limited',
        `Rate limit of ${rule.limit} per ${rule.windowMs} ms exceeded for ${rule.key}`,
      );
    }
    return next();
  });

/**
 * The caller's IP: the first `x-forwarded-for` entry (Vercel sets this header itself and does
 * not pass a client-supplied one through), else `x-real-ip`, else `unknown`.
 */
export function clientIp(c: Context<AppEnv>): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || c.req.header('x-real-ip') || 'unknown';
}
