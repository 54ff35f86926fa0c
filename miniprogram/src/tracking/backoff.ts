/**
 * Delay before retry number `attempt` (1-based): exponential growth capped at `maxMs`, with "full
 * jitter" (a uniform draw in [0, cap]) so that many devices coming back online at once do not
 * retry in lockstep (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015).
 * A floor of `baseMs / 2` keeps a retry from firing immediately when the draw is near zero.
 */
export function computeBackoffMs(
  attempt: number,
  options: { baseMs: number; maxMs: number; random: () => number },
): number {
  const { baseMs, maxMs, random } = options;
  const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(baseMs / 2, Math.round(random() * cap));
}
