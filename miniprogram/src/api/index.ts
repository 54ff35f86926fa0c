/**
 * The app's API client, wired to Taro. Pages import `api` from here; tests build their own with
 * `createApiClient` and fake dependencies.
 */
import { systemClock } from '../platform/clock';
import { taroStorage } from '../platform/taro-storage';
import { createApiClient } from './client';
import { taroHttp } from './taro-http';
import { createLoginCodeSource } from './taro-login';

export type { ApiClient, ReplySchema, RequestOptions } from './client';
export { ApiError, type ApiErrorCode } from './errors';
export type { Session, StaffSession } from './session';

export const api = createApiClient({
  baseUrl: API_BASE,
  http: taroHttp,
  storage: taroStorage,
  getLoginCode: createLoginCodeSource(taroStorage),
  clock: systemClock,
});

/** An API path the server returns for the client to load itself (a cover image), made absolute. */
export const toApiUrl = (path: string) => (/^https?:\/\//.test(path) ? path : `${API_BASE}${path}`);
