import type { TouchpointEvent } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage, type KeyValueStorage } from '../platform/storage';
import { createManualTime } from '../testing/manual-time';
import { createRecordingLogger } from '../testing/recording-logger';
import { createTracker, type TrackerOptions, type TrackingTransport, type TransportReply } from './tracker';
import { getPlatformRandomBytes } from './uuid';

const CONTENT_ID = '0b5c8f8e-5a53-4c5e-9a39-3f6f1f0f2a11';
const STORAGE_KEY = 'test.tracking.queue';

/**
 * The API at the network edge: it stores events by id and ignores ids it already has, as
 * `POST /api/touchpoints` does. `script` decides, request by request, what the "network" does.
 */
function createFakeApi() {
  const stored = new Map<string, TouchpointEvent>();
  const requests: string[][] = [];
  type Step = 'ok' | 'offline' | 'arrives-then-times-out' | TransportReply;
  const script: Step[] = [];

  const transport: TrackingTransport = {
    async send(events) {
      requests.push(events.map((event) => event.id));
      const step = script.shift() ?? 'ok';
      if (step === 'offline') throw new Error('request:fail');
      if (typeof step === 'object') return step;
      for (const event of events) if (!stored.has(event.id)) stored.set(event.id, event);
      if (step === 'arrives-then-times-out') throw new Error('request:fail timeout');
      return { status: 200 };
    },
  };
  return { transport, stored, requests, script };
}

function setUp(options: { storage?: KeyValueStorage; tracker?: Partial<TrackerOptions> } = {}) {
  const time = createManualTime();
  const api = createFakeApi();
  const logger = createRecordingLogger();
  const storage = options.storage ?? createMemoryStorage();
  const deps = {
    storage,
    transport: api.transport,
    clock: time.clock,
    timer: time.timer,
    randomBytes: getPlatformRandomBytes(),
    // The top of the jitter range, so that each backoff delay is exactly its cap.
    random: () => 1,
    logger,
  };
  const options_ = { storageKey: STORAGE_KEY, flushDelayMs: 1_000, retryBaseMs: 1_000, ...options.tracker };
  const tracker = createTracker(deps, options_);
  return { tracker, time, api, logger, storage, restart: () => createTracker(deps, options_) };
}

function trackViews(tracker: ReturnType<typeof setUp>['tracker'], count: number): string[] {
  return Array.from({ length: count }, () => {
    const id = tracker.track('content_view', { contentId: CONTENT_ID });
    if (id === null) throw new Error('event was refused');
    return id;
  });
}

describe('tracker batching', () => {
  it('sends queued events in batches of at most 50 after the flush delay', async () => {
    const { tracker, time, api } = setUp();
    const ids = trackViews(tracker, 120);

    expect(api.requests.map((batch) => batch.length)).toEqual([]);
    await time.advance(0);
    // The queue reached a full batch, so sending did not wait for the delay.
    expect(api.requests.map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(api.requests.flat()).toEqual(ids);
    expect(tracker.pendingCount).toBe(0);
  });

  it('waits the flush delay for a small burst, then sends it as one request', async () => {
    const { tracker, time, api } = setUp();
    trackViews(tracker, 3);
    await time.advance(999);
    expect(api.requests).toHaveLength(0);
    await time.advance(1);
    expect(api.requests.map((batch) => batch.length)).toEqual([3]);
  });

  it('queues only events that match the shared schema', () => {
    const { tracker, logger } = setUp();
    expect(tracker.track('content_view', { contentId: 'not-a-uuid' })).toBeNull();
    expect(tracker.pendingCount).toBe(0);
    expect(logger.warnings[0]?.message).toMatch(/invalid touchpoint/);
  });
});

describe('tracker retries', () => {
  it('retries with exponential backoff on no reply, 429 and 5xx, then delivers', async () => {
    const { tracker, time, api } = setUp();
    api.script.push('offline', { status: 503 }, { status: 429 });
    const ids = trackViews(tracker, 2);

    await time.advance(1_000); // first attempt: offline → wait 1 s
    expect(api.requests).toHaveLength(1);
    await time.advance(999);
    expect(api.requests).toHaveLength(1);
    await time.advance(1); // second: 503 → wait 2 s
    expect(api.requests).toHaveLength(2);
    await time.advance(1_999);
    expect(api.requests).toHaveLength(2);
    await time.advance(1); // third: 429 → wait 4 s
    expect(api.requests).toHaveLength(3);
    await time.advance(4_000); // fourth: delivered
    expect(api.requests).toHaveLength(4);
    expect([...api.stored.keys()]).toEqual(ids);
    expect(tracker.pendingCount).toBe(0);
  });

  it('does not let new events cut a backoff wait short', async () => {
    const { tracker, time, api } = setUp();
    api.script.push({ status: 500 }, { status: 500 });
    trackViews(tracker, 1);
    await time.advance(1_000); // fails → 1 s
    await time.advance(1_000); // fails → 2 s
    trackViews(tracker, 1);
    await time.advance(1_500);
    expect(api.requests).toHaveLength(2);
    await time.advance(500);
    expect(api.requests).toHaveLength(3);
    expect(tracker.pendingCount).toBe(0);
  });

  it('keeps the same ids on every retry, so a send that timed out after arriving is not stored twice', async () => {
    const { tracker, time, api } = setUp();
    api.script.push('arrives-then-times-out');
    const ids = trackViews(tracker, 3);

    await time.advance(1_000);
    expect(api.stored.size).toBe(3); // it did arrive…
    expect(tracker.pendingCount).toBe(3); // …but the device could not know
    await time.advance(1_000);

    expect(api.requests).toEqual([ids, ids]);
    expect([...api.stored.keys()]).toEqual(ids);
    expect(tracker.pendingCount).toBe(0);
  });

  it('removes only the ids that were sent: events tracked during a send stay queued', async () => {
    const { tracker, time, api } = setUp();
    const first = trackViews(tracker, 2);
    const flushing = tracker.flush();
    const late = trackViews(tracker, 1);
    await flushing;
    await time.advance(1_000);
    expect(api.requests.flat()).toEqual([...first, ...late]);
  });
});

describe('tracker rejections', () => {
  it('drops and logs only the events a 400 names, and resends the rest', async () => {
    const { tracker, api, logger } = setUp();
    api.script.push({ status: 400, issues: [{ path: 'events.1.occurredAt', message: 'Invalid datetime' }] });
    const [a, b, c] = trackViews(tracker, 3);

    const report = await tracker.flush();

    expect(report).toMatchObject({ sent: 2, dropped: 1, pending: 0, state: 'idle' });
    expect(api.requests).toEqual([
      [a, b, c],
      [a, c],
    ]);
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]?.details?.issues).toEqual([{ path: 'events.1.occurredAt', message: 'Invalid datetime' }]);
  });

  it('drops the whole batch on a 4xx that names no event', async () => {
    const { tracker, api, logger } = setUp();
    api.script.push({ status: 413 });
    trackViews(tracker, 3);
    const report = await tracker.flush();
    expect(report).toMatchObject({ sent: 0, dropped: 3, pending: 0 });
    expect(api.stored.size).toBe(0);
    expect(logger.warnings[0]?.message).toMatch(/rejected/);
  });
});

describe('tracker persistence', () => {
  it('sends after a restart what an earlier run could not send', async () => {
    const storage = createMemoryStorage();
    const before = setUp({ storage });
    before.api.script.push('offline');
    const ids = trackViews(before.tracker, 3);
    await before.time.advance(1_000);
    before.tracker.dispose(); // the app is killed while offline

    const after = setUp({ storage });
    expect(after.tracker.pendingCount).toBe(3);
    await after.tracker.flush();
    expect(after.api.requests).toEqual([ids]);
    expect(after.tracker.pendingCount).toBe(0);
    expect(JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null')).toEqual([]);
  });

  it('ignores a stored queue that is not valid, and says so', () => {
    const storage = createMemoryStorage({ [STORAGE_KEY]: JSON.stringify([{ id: 'x', type: 'page_view' }]) });
    const { tracker, logger } = setUp({ storage });
    expect(tracker.pendingCount).toBe(0);
    expect(logger.warnings[0]?.message).toMatch(/no longer matches/);
  });
});

describe('tracker page views and attribution', () => {
  it('records a page view with the time spent on the page when it hides', async () => {
    const { tracker, time, api } = setUp();
    tracker.pageShown('/pages/index/index');
    await time.advance(4_200);
    tracker.pageHidden();
    tracker.pageHidden(); // a second hide (hide, then unload) records nothing more
    await tracker.flush();
    const [view] = api.stored.values();
    expect(api.stored.size).toBe(1);
    expect(view).toMatchObject({ type: 'page_view', props: { page: '/pages/index/index', durationMs: 4_200 } });
    expect(view?.occurredAt).toBe('2026-11-22T08:00:04.200Z');
  });

  it('adds the visit attribution (a sharer as referrer) to every event', async () => {
    const { tracker, api } = setUp();
    tracker.updateAttribution({ referrer: 'lead-42', channel: 'share' });
    tracker.updateAttribution({ campaignId: 'spring' });
    trackViews(tracker, 1);
    tracker.track('share', { props: { page: '/pages/index/index' } });
    await tracker.flush();
    for (const event of api.stored.values()) {
      expect(event).toMatchObject({ referrer: 'lead-42', channel: 'share', campaignId: 'spring' });
    }
    expect([...api.stored.values()].map((event) => event.type)).toEqual(['content_view', 'share']);
    // Registration reads the sharer from here to credit the referral.
    expect(tracker.getAttribution()).toEqual({ referrer: 'lead-42', channel: 'share', campaignId: 'spring' });
  });
});
