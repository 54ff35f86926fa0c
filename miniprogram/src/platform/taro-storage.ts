import Taro from '@tarojs/taro';
import type { KeyValueStorage } from './storage';

/**
 * Device storage through Taro (wx.*StorageSync on weapp, localStorage on H5). The sync variants
 * are used on purpose: an event queued in a page's onHide must be on disk before the app may be
 * suspended, and an async write could still be pending then.
 */
export const taroStorage: KeyValueStorage = {
  getItem(key) {
    const value: unknown = Taro.getStorageSync(key);
    // Taro returns '' for a missing key; nothing stored here is ever an empty string.
    return typeof value === 'string' && value !== '' ? value : null;
  },
  setItem(key, value) {
    Taro.setStorageSync(key, value);
  },
  removeItem(key) {
    Taro.removeStorageSync(key);
  },
};
