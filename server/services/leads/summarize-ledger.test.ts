import { describe, expect, it } from 'vitest';
import { summarizeLedger } from './summarize-ledger.js';

describe('summarizeLedger', () => {
  it('sums points per rule and dimension, keeps the first signal and the latest time, drops zero sums', () => {
    const rows = summarizeLedger([
      { signalId: 'a', ruleId: 'page-view', dimension: 'engagement', points: 1.5, at: '2026-03-01T00:00:00.000Z' },
      { signalId: 'b', ruleId: 'page-view', dimension: 'engagement', points: 2, at: '2026-03-02T00:00:00.000Z' },
      { signalId: 'c', ruleId: 'share', dimension: 'engagement', points: 4, at: '2026-03-01T00:00:00.000Z' },
      { signalId: 'd', ruleId: 'share', dimension: 'engagement', points: -4, at: '2026-03-01T00:00:00.000Z' },
      { signalId: 'profile', ruleId: 'role-parent', dimension: 'fit', points: 8, at: '2026-03-01T00:00:00.000Z' },
    ]);
    expect(rows).toEqual([
      {
        signalId: 'a',
        ruleId: 'page-view',
        dimension: 'engagement',
        points: 3.5,
        at: '2026-03-02T00:00:00.000Z',
        signalCount: 2,
      },
      {
        signalId: 'profile',
        ruleId: 'role-parent',
        dimension: 'fit',
        points: 8,
        at: '2026-03-01T00:00:00.000Z',
        signalCount: 1,
      },
    ]);
  });
});
