/**
 * The key-value storage the tracking queue and the API session live in. An interface (not Taro's
 * functions) so that both run in tests without Taro; `taro-storage.ts` wires the real one.
 * Values are strings: callers own their JSON, so a corrupt entry is theirs to detect.
 */
export interface KeyValueStorage {
  /** The stored value, or `null` when the key is absent. */
  getItem(key: string): string | null;
  /** May throw when the device storage is full (WeChat: 10 MB per mini-program, 1 MB per key). */
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** An in-memory storage: the test double, and the fallback where no device storage exists. */
export function createMemoryStorage(initial: Record<string, string> = {}): KeyValueStorage {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
    removeItem: (key) => {
      values.delete(key);
    },
  };
}
