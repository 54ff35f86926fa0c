/**
 * `validate(target, schema)`: @hono/zod-validator with failures turned into the envelope
 * (a 400 `validation_failed` naming each field) instead of the validator's default response.
 * `defineRoute` applies it for you; routes never call it directly.
 */
import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler, ValidationTargets } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../context.js';
import { AppError } from './app-error.js';

export function validate(target: keyof ValidationTargets, schema: z.ZodType): MiddlewareHandler<AppEnv> {
  // The validator's own Env generic does not know AppEnv; the handler only reads `c.req`.
  return zValidator(target, schema, (result) => {
    if (!result.success) throw AppError.fromZod(result.error);
  }) as unknown as MiddlewareHandler<AppEnv>;
}
