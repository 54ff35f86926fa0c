import type { Clock, Timer } from '../platform/clock';

/**
 * A clock and a timer that move only when a test says so: `advance(ms)` runs every callback that
 * falls due, in order, and lets the promise chains they start settle before it returns.
 */
export function createManualTime(startIso = '2026-11-22T08:00:00.000Z') {
  let now = Date.parse(startIso);
  let nextId = 0;
  const tasks = new Map<number, { dueAt: number; callback: () => void }>();

  const clock: Clock = { now: () => now };
  const timer: Timer = {
    schedule(callback, delayMs) {
      const id = nextId++;
      tasks.set(id, { dueAt: now + delayMs, callback });
      return () => tasks.delete(id);
    },
  };

  /** Waits a real macrotask, after which all pending microtasks (the async sends) have run. */
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  async function advance(ms: number): Promise<void> {
    const until = now + ms;
    for (;;) {
      const due = [...tasks.entries()]
        .filter(([, task]) => task.dueAt <= until)
        .sort((a, b) => a[1].dueAt - b[1].dueAt)[0];
      if (!due) break;
      const [id, task] = due;
      tasks.delete(id);
      now = Math.max(now, task.dueAt);
      task.callback();
      await settle();
    }
    now = until;
    await settle();
  }

  return { clock, timer, advance, settle, pendingTimers: () => tasks.size };
}
