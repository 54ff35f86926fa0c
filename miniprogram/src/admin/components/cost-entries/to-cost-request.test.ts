import { marketingCostRequestSchema } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { toCostRequest } from './cost-form';
import { COST_TEXT as T } from './text';

describe('投放成本: the form checks what it can before it sends a cost (issue 15 §1)', () => {
  const form = {
    targetKind: 'campaign' as const,
    target: 'spring-open-day',
    fromDay: '2026-03-01',
    toDay: '2026-03-31',
  };

  it('sends yuan as whole fen, with the target trimmed, in the shape the API accepts', () => {
    const request = toCostRequest({ ...form, target: '  spring-open-day ', amount: '12,800.5' });
    expect(request).toEqual({ ...form, amountFen: 1_280_050 });
    expect(marketingCostRequestSchema.safeParse(request).success).toBe(true);
  });

  it.each([
    [{ ...form, target: ' ', amount: '100' }, T.targetRequired],
    [{ ...form, amount: '' }, T.amountRequired],
    [{ ...form, amount: '0' }, T.amountRequired],
    [{ ...form, amount: '12.345' }, T.amountRequired],
    [{ ...form, amount: '-5' }, T.amountRequired],
    [{ ...form, fromDay: '2026-3-1', amount: '100' }, T.dayRequired],
    [{ ...form, fromDay: '2026-04-01', amount: '100' }, T.dayOrder],
  ])('refuses %o with a Chinese reason', (input, reason) => {
    expect(toCostRequest(input)).toBe(reason);
  });
});
