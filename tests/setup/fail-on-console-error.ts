import { afterEach, vi } from 'vitest';

/**
 * An unexpected `console.error` during a test is a failure (STYLE.md "Tests"): it usually means a
 * swallowed exception or a React warning that the assertions did not see.
 */
const errors: unknown[][] = [];
const original = console.error;
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  errors.push(args);
  original(...args);
});

afterEach(() => {
  if (errors.length === 0) return;
  const first = errors.map((args) => args.map(String).join(' ')).join('\n');
  errors.length = 0;
  throw new Error(`console.error was called during the test:\n${first}`);
});
