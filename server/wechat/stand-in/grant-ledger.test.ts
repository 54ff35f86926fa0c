import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGrantLedger } from './grant-ledger.js';

type Op = { kind: 'accept'; count: number } | { kind: 'withdraw' } | { kind: 'spend' };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('accept' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('withdraw' as const) }),
  fc.record({ kind: fc.constant('spend' as const) }),
);

describe('the stand-in grant ledger', () => {
  it('spends exactly one accepted, unwithdrawn grant per message, never more', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const ledger = createGrantLedger();
        let model = 0;
        let sent = 0;
        for (const op of ops) {
          if (op.kind === 'accept') {
            ledger.accept('o_a', 'tpl', op.count);
            model += op.count;
          } else if (op.kind === 'withdraw') {
            ledger.withdraw('o_a', 'tpl');
            model = 0;
          } else {
            const spent = ledger.trySpend('o_a', 'tpl');
            expect(spent).toBe(model > 0);
            if (spent) {
              model--;
              sent++;
            }
          }
        }
        const balance = ledger.get('o_a', 'tpl');
        expect(balance.remaining).toBe(model);
        expect(balance.spent).toBe(sent);
        expect(balance.accepted).toBe(balance.spent + balance.withdrawn + balance.remaining);
      }),
    );
  });

  it('keeps users and templates apart', () => {
    const ledger = createGrantLedger();
    ledger.accept('o_a', 'tpl-1', 1);
    expect(ledger.trySpend('o_a', 'tpl-2')).toBe(false);
    expect(ledger.trySpend('o_b', 'tpl-1')).toBe(false);
    expect(ledger.trySpend('o_a', 'tpl-1')).toBe(true);
  });
});
