import { describe, expect, it } from 'vitest';
import { acquireLock, withLock } from './lock.js';
import { createMemoryStore } from './memory.js';

describe('acquireLock', () => {
  it('lets one holder in and releases only with its own token', async () => {
    const store = createMemoryStore();
    const first = await acquireLock(store, 'lock:a', { ttlMs: 10_000 });
    expect(first).not.toBeNull();
    expect(await acquireLock(store, 'lock:a', { ttlMs: 10_000 })).toBeNull();
    expect(await first?.release()).toBe(true);
    expect(await acquireLock(store, 'lock:a', { ttlMs: 10_000 })).not.toBeNull();
  });

  it('does not release a lock that expired and was taken by someone else', async () => {
    let nowMs = 1_000_000;
    const store = createMemoryStore({ nowMs: () => nowMs });
    const stale = await acquireLock(store, 'lock:b', { ttlMs: 1_000 });
    nowMs += 1_500;
    const fresh = await acquireLock(store, 'lock:b', { ttlMs: 1_000 });
    expect(fresh).not.toBeNull();
    expect(await stale?.release()).toBe(false);
    expect(await store.get('lock:b')).toBe(fresh?.token);
  });
});

describe('withLock', () => {
  it('runs the work once among concurrent callers and releases afterwards', async () => {
    const store = createMemoryStore();
    let runs = 0;
    const work = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 'done';
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => withLock(store, 'lock:c', { ttlMs: 5_000 }, work)),
    );
    expect(runs).toBe(1);
    expect(results.filter((r) => r.acquired)).toEqual([{ acquired: true, value: 'done' }]);
    expect(await store.get('lock:c')).toBeNull();
  });

  it('releases the lock when the work throws', async () => {
    const store = createMemoryStore();
    await expect(
      withLock(store, 'lock:d', { ttlMs: 5_000 }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.get('lock:d')).toBeNull();
  });
});
