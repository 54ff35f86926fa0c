import Taro from '@tarojs/taro';
import type { KeyValueStorage } from '../platform/storage';
import { createUuidV4, getPlatformRandomBytes } from '../tracking/uuid';

const BROWSER_DEVICE_KEY = 'scrm.h5.device.v1';
const STAND_IN_USER_KEY = 'scrm.h5.stand-in-user.v1';

/** The demo staff of `npm start` (issue 9 §1): stand-in users `manager`, `advisor1` … `advisor6`. */
export const DEMO_STAFF_USERS = ['manager', 'advisor1', 'advisor2', 'advisor3', 'advisor4', 'advisor5', 'advisor6'];

/**
 * Signs the browser in as one of the stand-in's named users from the next login on (`manager` →
 * code `dev-manager.<nonce>` → openid `o_manager`), or back as the browser's own visitor with
 * `null`. H5 only: it is how the demo's staff sign in without WeChat; a real WeChat login code
 * cannot be chosen, and the stand-in never runs in production (issue 9 §1).
 */
export function setStandInUser(storage: KeyValueStorage, user: string | null): void {
  if (user === null) storage.removeItem(STAND_IN_USER_KEY);
  else storage.setItem(STAND_IN_USER_KEY, user);
}

export function findStandInUser(storage: KeyValueStorage): string | null {
  return storage.getItem(STAND_IN_USER_KEY);
}

/**
 * A one-time login code. In WeChat it is `wx.login`'s code, exchanged by the server for the
 * openid (code2session). The H5 build runs in a plain browser (`npm start`, the browser tests),
 * where `Taro.login` is not supported; there the code is the local WeChat stand-in's
 * `dev-h5<device id>.<nonce>`: one openid per browser (a restarted browser is the same prospect),
 * a new code per login, as `wx.login` gives. `setStandInUser` picks a named user instead (demo staff).
 */
export function createLoginCodeSource(storage: KeyValueStorage): () => Promise<string> {
  return async () => {
    if (Taro.getEnv() === Taro.ENV_TYPE.WEB) {
      const nonce = createUuidV4(getPlatformRandomBytes()).replace(/-/g, '').slice(0, 16);
      const user = findStandInUser(storage);
      if (user !== null && /^[A-Za-z0-9_-]{1,64}$/.test(user)) return `dev-${user}.${nonce}`;
      let deviceId = storage.getItem(BROWSER_DEVICE_KEY);
      if (deviceId === null) {
        deviceId = createUuidV4(getPlatformRandomBytes());
        storage.setItem(BROWSER_DEVICE_KEY, deviceId);
      }
      return `dev-h5${deviceId.replace(/-/g, '')}.${nonce}`;
    }
    const { code } = await Taro.login();
    return code;
  };
}
