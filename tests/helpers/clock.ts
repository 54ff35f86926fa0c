/** A controllable clock for `createTestApp`: services read time only through `ctx.now()`. */
export interface TestClock {
  now(): Date;
  set(time: Date | string): void;
  advance(ms: number): void;
}

/** Monday 2026-03-02 09:00 in Beijing: inside usual send hours, a fixed point for reproducible tests. */
export const DEFAULT_TEST_TIME = '2026-03-02T01:00:00.000Z';

export function createTestClock(start: Date | string = DEFAULT_TEST_TIME): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (time) => {
      current = new Date(time).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
