import { eventIdSchema } from '@scrm/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUuidV4, getPlatformRandomBytes } from './uuid';

describe('createUuidV4', () => {
  it('sets the version and variant bits (RFC 9562 §5.4)', () => {
    expect(createUuidV4((length) => new Uint8Array(length).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(createUuidV4((length) => new Uint8Array(length))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('makes ids the touchpoint schema accepts, all different', () => {
    const randomBytes = getPlatformRandomBytes();
    const ids = Array.from({ length: 1_000 }, () => createUuidV4(randomBytes));
    for (const id of ids) expect(eventIdSchema.safeParse(id).success).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('getPlatformRandomBytes', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('falls back to Math.random where there is no crypto global (the WeChat runtime)', () => {
    vi.stubGlobal('crypto', undefined);
    const random = vi.spyOn(Math, 'random');
    const id = createUuidV4(getPlatformRandomBytes());
    expect(random).toHaveBeenCalledTimes(16);
    expect(eventIdSchema.safeParse(id).success).toBe(true);
    random.mockRestore();
  });
});
