import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignVariant, fnv1a32, type WeightedVariant } from './variant.js';

describe('fnv1a32', () => {
  // Test vectors of 32-bit FNV-1a (draft-eastlake-fnv, appendix C).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j → %d', (text, hash) => expect(fnv1a32(text)).toBe(hash));

  it('hashes the UTF-8 bytes: 中 is e4 b8 ad', () => {
    let expected = 0x811c9dc5;
    for (const byte of [0xe4, 0xb8, 0xad]) expected = Math.imul(expected ^ byte, 0x01000193) >>> 0;
    expect(fnv1a32('中')).toBe(expected);
  });
});

const variantsArb = fc
  .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 5 })
  .chain((keys) =>
    fc.tuple(
      ...keys.map((key) => fc.integer({ min: 1, max: 100 }).map((weight): WeightedVariant => ({ key, weight }))),
    ),
  );

describe('assignVariant', () => {
  it('is deterministic and picks one of the variants', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.uuid(), variantsArb, (campaignId, stepId, leadId, variants) => {
        const key = assignVariant({ campaignId, stepId, leadId, variants });
        expect(assignVariant({ campaignId, stepId, leadId, variants: [...variants] })).toBe(key);
        expect(variants.map((v) => v.key)).toContain(key);
      }),
    );
  });

  it('a variant of weight 0 share never happens; one variant takes everyone', () => {
    fc.assert(
      fc.property(fc.uuid(), (leadId) => {
        expect(assignVariant({ campaignId: 'c', stepId: 's', leadId, variants: [{ key: 'only', weight: 7 }] })).toBe(
          'only',
        );
      }),
    );
    expect(() => assignVariant({ campaignId: 'c', stepId: 's', leadId: 'l', variants: [] })).toThrow();
  });

  it('splits many leads in proportion to the weights (within 2 percentage points)', () => {
    fc.assert(
      fc.property(variantsArb, fc.string({ maxLength: 8 }), (variants, campaignId) => {
        const n = 20_000;
        const counts = new Map<string, number>();
        for (let i = 0; i < n; i++) {
          const leadId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
          const key = assignVariant({ campaignId, stepId: 'hook', leadId, variants });
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const total = variants.reduce((s, v) => s + v.weight, 0);
        for (const v of variants) expect(Math.abs((counts.get(v.key) ?? 0) / n - v.weight / total)).toBeLessThan(0.02);
      }),
      { numRuns: 30 },
    );
  });

  it('assigns the same lead independently per step, so one test does not decide the next', () => {
    const variants = [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1 },
    ];
    let same = 0;
    const n = 10_000;
    for (let i = 0; i < n; i++) {
      const leadId = `lead-${i}`;
      const first = assignVariant({ campaignId: 'drip', stepId: 'one', leadId, variants });
      const second = assignVariant({ campaignId: 'drip', stepId: 'two', leadId, variants });
      if (first === second) same++;
    }
    expect(Math.abs(same / n - 0.5)).toBeLessThan(0.03);
  });
});
