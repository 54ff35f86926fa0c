import { describe, expect, it } from 'vitest';
import { formatRatio, measurePerSecond } from './bench-kit.js';

describe('bench kit (SPEC §4)', () => {
  it('formats the ratio first and both absolute rates beside it', () => {
    expect(formatRatio(45_600, 3_710)).toBe('12.3× (45,600/s vs 3,710/s)');
    expect(formatRatio(1_500, 1_000, ' events/s')).toBe('1.50× (1,500 events/s vs 1,000 events/s)');
  });

  it('counts the operations a round reports', () => {
    expect(measurePerSecond(() => 1, 5)).toBeGreaterThan(0);
  });
});
