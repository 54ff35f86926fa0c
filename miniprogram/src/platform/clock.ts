/**
 * Time and timers as injected dependencies, so that the tracking client's batching and backoff
 * are tested step by step without real waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface Timer {
  /** Runs `callback` after `delayMs`; the returned function cancels it. */
  schedule(callback: () => void, delayMs: number): () => void;
}

export const systemClock: Clock = { now: () => Date.now() };

export const systemTimer: Timer = {
  schedule(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    return () => clearTimeout(handle);
  },
};
