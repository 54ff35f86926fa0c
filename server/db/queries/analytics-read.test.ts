import { describe, expect, it } from 'vitest';
import { findWholeMonths } from './analytics-read.js';

describe('the whole months of a period, read from the monthly checkpoints (ADR 016)', () => {
  it.each([
    ['2026-06-01', '2026-11-30', { from: '2026-06-01', until: '2026-12-01' }],
    ['2026-06-02', '2026-11-30', { from: '2026-07-01', until: '2026-12-01' }],
    ['2026-06-01', '2026-11-29', { from: '2026-06-01', until: '2026-11-01' }],
    ['2026-01-31', '2026-03-01', { from: '2026-02-01', until: '2026-03-01' }],
    ['2025-12-15', '2026-01-31', { from: '2026-01-01', until: '2026-02-01' }],
    ['2028-02-01', '2028-02-29', { from: '2028-02-01', until: '2028-03-01' }],
  ])('%s … %s has whole months %o', (fromDay, toDay, months) => {
    expect(findWholeMonths(fromDay, toDay)).toEqual(months);
  });

  it.each([
    ['2026-03-03', '2026-04-27'],
    ['2026-02-01', '2026-02-27'],
    ['2026-05-05', '2026-05-05'],
  ])('%s … %s has none, so only daily rows are read', (fromDay, toDay) => {
    expect(findWholeMonths(fromDay, toDay)).toBeNull();
  });
});
