/**
 * Opaque keyset cursors (issue 9 §3 "cursor pagination"): the last row's sort key, as JSON in
 * base64url. A cursor the server did not make is a 400, never a 500 or a wrong page.
 */
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, schema: T): z.output<T> | undefined {
  if (cursor === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'cursor: invalid', { userMessage: '分页参数无效，请刷新后重试' });
  }
  return parsed.data;
}
