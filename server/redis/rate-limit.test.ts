import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory.js';
import { consumeRateLimit } from './rate-limit.js';

const rule = { key: 'ingest:ip:1.2.3.4', limit: 3, windowMs: 60_000 };

describe('consumeRateLimit', () => {
  it('allows `limit` requests per window, then refuses until the next window', async () => {
    const store = createMemoryStore();
    const now = new Date('2026-03-02T01:00:10.000Z');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit(store, rule, now));
    expect(results.map((r) => [r.allowed, r.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(results[0]?.resetAt.toISOString()).toBe('2026-03-02T01:01:00.000Z');

    const next = await consumeRateLimit(store, rule, new Date('2026-03-02T01:01:00.000Z'));
    expect(next).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('counts keys separately', async () => {
    const store = createMemoryStore();
    const now = new Date('2026-03-02T01:00:10.000Z');
    for (let i = 0; i < 3; i++) await consumeRateLimit(store, rule, now);
    expect((await consumeRateLimit(store, { ...rule, key: 'ingest:ip:5.6.7.8' }, now)).allowed).toBe(true);
  });
});
