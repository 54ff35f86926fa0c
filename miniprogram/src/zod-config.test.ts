// First, as in app.ts: zod decides per schema, when the schema is built, whether to compile it.
import './zod-config';
import { clientTouchpointEventSchema } from '@scrm/shared';
import { afterEach, describe, expect, it } from 'vitest';

const realFunction = globalThis.Function;

afterEach(() => {
  globalThis.Function = realFunction;
});

/** A Function constructor that refuses as WeChat's does, and remembers every attempt. */
function refuseFunctionConstructor(): string[][] {
  const attempts: string[][] = [];
  globalThis.Function = new Proxy(realFunction, {
    construct(_target, args: string[]) {
      attempts.push(args);
      throw new EvalError('new Function is not allowed in a mini-program');
    },
    apply(_target, _this, args: string[]) {
      attempts.push(args);
      throw new EvalError('Function() is not allowed in a mini-program');
    },
  });
  return attempts;
}

describe('zod in the mini-program', () => {
  it('validates the contracts without building a function from a string', () => {
    const attempts = refuseFunctionConstructor();
    const event = {
      id: '6f1c2b9e-3d4a-4c8b-9f0e-1a2b3c4d5e6f',
      type: 'page_view',
      occurredAt: '2026-11-22T08:00:00.000Z',
      props: { page: 'pages/index/index', durationMs: 1200 },
    };
    for (let i = 0; i < 3; i += 1) expect(clientTouchpointEventSchema.safeParse(event).success).toBe(true);
    expect(clientTouchpointEventSchema.safeParse({ ...event, type: 'nope' }).success).toBe(false);
    expect(attempts).toEqual([]);
  });
});
