/**
 * `validate(target, schema)`: @hono/zod-validator with failures turned into the envelope
 * (a 400 `validation_failed` naming each field) instead of the validator's default response.
 * `defineRoute` applies it for you; routes never call it directly.
 *
 * Input is parsed synchronously: zod 4 runs an object schema through the checker it compiles
 * once per shape only in a synchronous parse, and the validator's default `safeParseAsync` walked
 * the schema generically instead (6–7% of the server's CPU on 100-event ingest batches, issue 12,
 * docs/performance.md "Phase 3"). A schema with an asynchronous refinement (none today) cannot be
 * parsed synchronously; zod says so with `$ZodAsyncError`, and it is parsed asynchronously.
 */
import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler, ValidationTargets } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { AppError } from './app-error.js';

async function parseInput(schema: z.ZodType, value: unknown) {
  try {
    return schema.safeParse(value);
  } catch (error) {
    if (error instanceof z.core.$ZodAsyncError) return schema.safeParseAsync(value);
    throw error;
  }
}

export function validate(target: keyof ValidationTargets, schema: z.ZodType): MiddlewareHandler<AppEnv> {
  // The validator's own Env generic does not know AppEnv; the handler only reads `c.req`.
  return zValidator(
    target,
    schema,
    (result) => {
      if (!result.success) throw AppError.fromZod(result.error);
    },
    { validationFunction: parseInput },
  ) as unknown as MiddlewareHandler<AppEnv>;
}
