/**
 * `refuseUnstorableText()`: the one check that every string a request carries can be stored
 * (issue 8 item 1). PostgreSQL refuses U+0000 in `text` and in `jsonb` ("invalid byte sequence" /
 * "unsupported Unicode escape sequence"), and refuses an unpaired UTF-16 surrogate in `jsonb`
 * (JSON.stringify writes it as `\ud800`, which jsonb rejects); either reaching a query was a 500.
 * Checked here, before authentication, validation and the handler, for every query parameter (names
 * and values), every path parameter and every JSON body string (object keys and values, at any
 * depth), so that no route can forget it: a 400 `validation_failed` naming each field.
 *
 * @example GET /api/contents?topic=%00 → 400 "topic: must not contain the NUL character"
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import { AppError } from './app-error.js';
import { JSON_CONTENT_TYPE } from './body-limit.js';

/** Enough to name the problem without building a huge message for a hostile body. */
const MAX_ISSUES = 10;
// With the `u` flag a surrogate class matches only a surrogate that is not half of a pair.
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;

/** One problem, shaped as a zod issue so that `AppError.fromZod` renders it like any other. */
export interface TextIssue {
  path: string[];
  message: string;
}

/** Why `text` cannot be stored, or `null` when it can. */
export function findUnstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character';
  if (UNPAIRED_SURROGATE.test(text)) return 'must not contain an unpaired UTF-16 surrogate';
  return null;
}

/**
 * Every problem in a parsed JSON value, with dotted paths as zod writes them (`events.0.props.page`).
 * Iterative, so that a deeply nested body cannot overflow the stack.
 */
export function findUnstorableJson(value: unknown, limit = MAX_ISSUES): TextIssue[] {
  const issues: TextIssue[] = [];
  // Paths are linked to their parent and spelled out only for an issue: copying them per level
  // would cost the square of the depth.
  type Step = { value: unknown; key: string; parent: Step | null };
  const pathOf = (step: Step | null): string[] => {
    const path: string[] = [];
    for (let at = step; at?.parent; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const stack: Step[] = [{ value, key: '', parent: null }];
  while (stack.length > 0 && issues.length < limit) {
    const step = stack.pop() as Step;
    if (typeof step.value === 'string') {
      const problem = findUnstorableText(step.value);
      if (problem) issues.push({ path: pathOf(step), message: problem });
    } else if (Array.isArray(step.value)) {
      for (let index = step.value.length - 1; index >= 0; index--)
        stack.push({ value: step.value[index], key: String(index), parent: step });
    } else if (step.value !== null && typeof step.value === 'object') {
      for (const [key, child] of Object.entries(step.value).reverse()) {
        const problem = findUnstorableText(key);
        // The key itself is not echoed: it holds the very character that cannot be shown or stored.
        if (problem) issues.push({ path: pathOf(step), message: `a property name ${problem}` });
        else stack.push({ value: child, key, parent: step });
      }
    }
  }
  return issues;
}

function findInRecord(record: Record<string, string | string[]>): TextIssue[] {
  const issues: TextIssue[] = [];
  for (const [name, values] of Object.entries(record)) {
    const nameProblem = findUnstorableText(name);
    if (nameProblem) {
      issues.push({ path: [], message: `a parameter name ${nameProblem}` });
      continue;
    }
    for (const value of [values].flat()) {
      const problem = findUnstorableText(value);
      if (problem) issues.push({ path: [name], message: problem });
    }
  }
  return issues;
}

async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  if (!JSON_CONTENT_TYPE.test(c.req.header('content-type') ?? '')) return undefined;
  // hono caches the parsed body, so the validator after this reads it without a second parse; a
  // malformed body is left for the validator to answer (400 `bad_request`).
  return c.req.json().catch(() => undefined);
}

/**
 * @param options.json whether the route reads a JSON body (a route without one never parses it,
 *   so nothing in it can reach the database).
 */
export const refuseUnstorableText = (options: { json: boolean }) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const issues = [...findInRecord(c.req.param() as Record<string, string>), ...findInRecord(c.req.queries())];
    if (options.json) issues.push(...findUnstorableJson(await readJsonBody(c)));
    if (issues.length > 0) throw AppError.fromZod({ issues: issues.slice(0, MAX_ISSUES) });
    await next();
  });
