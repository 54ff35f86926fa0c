import { describe, expect, it } from 'vitest';
import { summariseDayCounts } from './day-counts.js';

describe('summariseDayCounts', () => {
  it('is empty without values', () => {
    expect(summariseDayCounts(new Map())).toEqual({ count: 0, averageDays: null, medianDays: null });
    expect(summariseDayCounts(new Map([[4, 0]]))).toEqual({ count: 0, averageDays: null, medianDays: null });
  });

  it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    // 1, 2, 2, 9 → mean 14/4 = 3.5, median (2 + 2)/2 = 2.
    expect(
      summariseDayCounts(
        new Map([
          [9, 1],
          [1, 1],
          [2, 2],
        ]),
      ),
    ).toEqual({ count: 4, averageDays: 3.5, medianDays: 2 });
    // 0, 3, 3, 10, 10, 10 → mean 36/6 = 6, median (3 + 10)/2 = 6.5.
    expect(
      summariseDayCounts(
        new Map([
          [10, 3],
          [0, 1],
          [3, 2],
        ]),
      ),
    ).toEqual({ count: 6, averageDays: 6, medianDays: 6.5 });
    // 5, 5, 7 → mean 17/3, median 5.
    expect(
      summariseDayCounts(
        new Map([
          [7, 1],
          [5, 2],
        ]),
      ),
    ).toEqual({ count: 3, averageDays: 17 / 3, medianDays: 5 });
  });
});
