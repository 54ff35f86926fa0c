import Taro from '@tarojs/taro';
import type { KeyValueStorage } from '../platform/storage';
import { createUuidV4, getPlatformRandomBytes } from '../tracking/uuid';

const BROWSER_DEVICE_KEY = 'scrm.h5.device.v1';

/**
 * A one-time login code. In WeChat it is `wx.login`'s code, exchanged by the server for the
 * openid (code2session). The H5 build runs in a plain browser (`npm start`, the browser tests),
 * where `Taro.login` is not supported; there the code is the local WeChat stand-in's
 * `dev-h5<device id>.<nonce>`: one openid per browser (a restarted browser is the same prospect),
 * a new code per login, as `wx.login` gives.
 */
export function createLoginCodeSource(storage: KeyValueStorage): () => Promise<string> {
  return async () => {
    if (Taro.getEnv() === Taro.ENV_TYPE.WEB) {
      let deviceId = storage.getItem(BROWSER_DEVICE_KEY);
      if (deviceId === null) {
        deviceId = createUuidV4(getPlatformRandomBytes());
        storage.setItem(BROWSER_DEVICE_KEY, deviceId);
      }
      const nonce = createUuidV4(getPlatformRandomBytes()).replace(/-/g, '').slice(0, 16);
      return `dev-h5${deviceId.replace(/-/g, '')}.${nonce}`;
    }
    const { code } = await Taro.login();
    return code;
  };
}
