import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRollupTable, encodeRollupKey, mergeRollupTables, negateRollupTable } from './rollup-table.js';

const rowArb = fc.record({
  key: fc.record({ day: fc.constantFrom('2026-03-01', '2026-03-02'), stage: fc.constantFrom('mql', 'sql', null) }),
  value: fc.record({ n: fc.integer({ min: -5, max: 5 }), fen: fc.integer({ min: 0, max: 1000 }) }),
});
const tableArb = fc.array(rowArb, { maxLength: 20 }).map(buildRollupTable);
const asObject = (table: ReturnType<typeof buildRollupTable>) =>
  Object.fromEntries([...table.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));

describe('rollup tables', () => {
  it('a key is the same whatever order its fields were written in', () => {
    expect(encodeRollupKey({ day: '2026-03-01', stage: 'mql' })).toBe(
      encodeRollupKey({ stage: 'mql', day: '2026-03-01' }),
    );
    expect(encodeRollupKey({ day: '2026-03-01', stage: null })).not.toBe(
      encodeRollupKey({ day: '2026-03-01', stage: 'null' }),
    );
  });

  it('adds values of equal keys and drops rows that sum to zero', () => {
    const table = buildRollupTable([
      { key: { day: 'd1', stage: 'mql' }, value: { n: 1, fen: 100 } },
      { key: { stage: 'mql', day: 'd1' }, value: { n: 2, fen: 5 } },
      { key: { day: 'd2', stage: 'mql' }, value: { n: 0, fen: 0 } },
    ]);
    expect([...table.values()]).toEqual([{ key: { day: 'd1', stage: 'mql' }, value: { n: 3, fen: 105 } }]);
  });

  it('merging is associative and commutative, the empty table is its identity and negation its inverse', () => {
    fc.assert(
      fc.property(tableArb, tableArb, tableArb, (a, b, c) => {
        const empty = buildRollupTable([]);
        expect(asObject(mergeRollupTables(a, mergeRollupTables(b, c)))).toEqual(
          asObject(mergeRollupTables(mergeRollupTables(a, b), c)),
        );
        expect(asObject(mergeRollupTables(a, b))).toEqual(asObject(mergeRollupTables(b, a)));
        expect(asObject(mergeRollupTables(a, empty))).toEqual(asObject(a));
        expect(mergeRollupTables(a, negateRollupTable(a)).size).toBe(0);
        expect(asObject(mergeRollupTables(a, b, negateRollupTable(b)))).toEqual(asObject(a));
      }),
    );
  });

  it('never changes the tables it merges', () => {
    const a = buildRollupTable([{ key: { day: 'd1' }, value: { n: 1 } }]);
    mergeRollupTables(a, a);
    expect([...a.values()]).toEqual([{ key: { day: 'd1' }, value: { n: 1 } }]);
  });
});
