/**
 * The app's tracking client, wired to Taro and to the one API client. Pages call `tracker.track`
 * for explicit events and the `use-page-view` hook for views; tests use `createTracker`.
 */
import { ApiError, api } from '../api';
import { systemClock, systemTimer } from '../platform/clock';
import { consoleLogger } from '../platform/logger';
import { taroStorage } from '../platform/taro-storage';
import { createTracker, type TrackingTransport } from './tracker';
import { getPlatformRandomBytes } from './uuid';

export { buildSharePath, normalizePagePath, readAttribution } from './attribution';
export type { Attribution, FlushReport, Tracker, TrackFields } from './tracker';

const TOUCHPOINTS_PATH = '/api/touchpoints';

const transport: TrackingTransport = {
  async send(events) {
    try {
      await api.request(TOUCHPOINTS_PATH, { method: 'POST', body: { events } });
      return { status: 200 };
    } catch (error) {
      // The endpoint's own answer becomes a status for the tracker to judge. Anything else (no
      // reply, a failed re-login on the way) stays a throw, so the batch is retried, never dropped.
      if (error instanceof ApiError && error.path === TOUCHPOINTS_PATH && error.status > 0) {
        return { status: error.status, issues: error.issues };
      }
      throw error;
    }
  },
};

export const tracker = createTracker({
  storage: taroStorage,
  transport,
  clock: systemClock,
  timer: systemTimer,
  randomBytes: getPlatformRandomBytes(),
  random: Math.random,
  logger: consoleLogger,
});
