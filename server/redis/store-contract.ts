/**
 * The SharedStore contract, as one test suite that every implementation must pass
 * (`store.test.ts` runs it on memory always and on real Redis when `REDIS_URL` is set). Each
 * test gets a fresh store from the factory (a unique key prefix on Redis).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SharedStore } from './types.js';

export interface StoreUnderTest {
  store: SharedStore;
  /** Deletes what the test wrote and closes connections. */
  cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeSharedStoreContract(name: string, createStore: () => Promise<StoreUnderTest>): void {
  describe(`SharedStore contract: ${name}`, () => {
    let current: StoreUnderTest | undefined;
    const open = async () => {
      current = await createStore();
      return current.store;
    };
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    it('reads null for a missing key and round-trips values as exact strings', async () => {
      const store = await open();
      expect(await store.get('missing')).toBeNull();
      for (const value of ['123', '"quoted"', '{"a":1}', 'true', 'null', '中文 ✓', '']) {
        expect(await store.set('k', value)).toBe(true);
        expect(await store.get('k')).toBe(value);
      }
    });

    it('reads many keys at once, in order, null for the missing and the expired', async () => {
      const store = await open();
      expect(await store.getMany([])).toEqual([]);
      await store.set('m1', 'one');
      await store.set('m2', '中文 ✓');
      await store.set('gone', 'v', { ttlMs: 40 });
      await store.incr('n', { by: 3 });
      await sleep(100);
      expect(await store.getMany(['m2', 'missing', 'm1', 'gone', 'n', 'm1'])).toEqual([
        '中文 ✓',
        null,
        'one',
        null,
        '3',
        'one',
      ]);
    });

    it('writes with onlyIfAbsent only when the key does not exist', async () => {
      const store = await open();
      expect(await store.set('nx', 'first', { onlyIfAbsent: true })).toBe(true);
      expect(await store.set('nx', 'second', { onlyIfAbsent: true })).toBe(false);
      expect(await store.get('nx')).toBe('first');
    });

    it('lets exactly one of many concurrent onlyIfAbsent writes win', async () => {
      const store = await open();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.set('race', `w${i}`, { onlyIfAbsent: true })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('expires keys after ttlMs and reports the remaining time', async () => {
      const store = await open();
      await store.set('short', 'v', { ttlMs: 80 });
      await store.set('long', 'v', { ttlMs: 60_000 });
      await store.set('forever', 'v');
      const ttl = await store.ttlMs('long');
      expect(ttl).toBeGreaterThan(59_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      expect(await store.ttlMs('forever')).toBeNull();
      expect(await store.ttlMs('missing')).toBeNull();
      await sleep(150);
      expect(await store.get('short')).toBeNull();
      expect(await store.set('short', 'again', { onlyIfAbsent: true })).toBe(true);
    });

    it('deletes and says whether the key existed', async () => {
      const store = await open();
      await store.set('d', 'v');
      expect(await store.del('d')).toBe(true);
      expect(await store.del('d')).toBe(false);
      expect(await store.get('d')).toBeNull();
    });

    it('compare-and-deletes only when the value matches', async () => {
      const store = await open();
      await store.set('lock', 'mine');
      expect(await store.compareAndDelete('lock', 'theirs')).toBe(false);
      expect(await store.get('lock')).toBe('mine');
      expect(await store.compareAndDelete('lock', 'mine')).toBe(true);
      expect(await store.get('lock')).toBeNull();
      expect(await store.compareAndDelete('lock', 'mine')).toBe(false);
    });

    it('increments atomically, by a step, and sets the expiry only on creation', async () => {
      const store = await open();
      expect(await store.incr('n')).toBe(1);
      expect(await store.incr('n', { by: 5 })).toBe(6);
      expect(await store.ttlMs('n')).toBeNull();

      expect(await store.incr('w', { ttlMs: 10_000 })).toBe(1);
      await sleep(30);
      expect(await store.incr('w', { ttlMs: 60_000 })).toBe(2);
      expect(await store.ttlMs('w')).toBeLessThanOrEqual(10_000);

      const values = await Promise.all(Array.from({ length: 50 }, () => store.incr('c', { ttlMs: 10_000 })));
      expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('counts several windows at once, each as incr would, none lost under concurrency', async () => {
      const store = await open();
      expect(await store.incrWindows([])).toEqual([]);
      await store.incr('b', { ttlMs: 60_000 });
      expect(
        await store.incrWindows([
          { key: 'a', ttlMs: 10_000 },
          { key: 'b', ttlMs: 10_000 },
        ]),
      ).toEqual([1, 2]);
      // A counter keeps the expiry it was created with.
      expect(await store.ttlMs('a')).toBeLessThanOrEqual(10_000);
      expect(await store.ttlMs('b')).toBeGreaterThan(10_000);
      const pairs = await Promise.all(
        Array.from({ length: 30 }, () =>
          store.incrWindows([
            { key: 'x', ttlMs: 10_000 },
            { key: 'y', ttlMs: 10_000 },
          ]),
        ),
      );
      const sorted = (values: number[]) => [...values].sort((p, q) => p - q);
      const counts = Array.from({ length: 30 }, (_, i) => i + 1);
      expect(sorted(pairs.map(([x]) => x as number))).toEqual(counts);
      expect(sorted(pairs.map(([, y]) => y as number))).toEqual(counts);
    });

    it('starts a new counter after the window expires', async () => {
      const store = await open();
      await store.incr('win', { ttlMs: 80 });
      await store.incr('win', { ttlMs: 80 });
      await sleep(150);
      expect(await store.incr('win', { ttlMs: 80 })).toBe(1);
    });

    it('refuses to increment a non-integer value', async () => {
      const store = await open();
      await store.set('text', 'abc');
      await expect(store.incr('text')).rejects.toThrow(/not an integer/);
    });

    it('answers ping', async () => {
      const store = await open();
      expect(await store.ping()).toBe(true);
    });
  });
}
