import {
  type ClientTouchpointType,
  clientTouchpointEventSchema,
  type ErrorIssue,
  type TouchpointEvent,
  type TouchpointEventInput,
} from '@scrm/shared';
import type { Clock, Timer } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { KeyValueStorage } from '../platform/storage';
import { computeBackoffMs } from './backoff';
import { createEventQueue } from './event-queue';
import { createUuidV4, type RandomBytes } from './uuid';

/** What the caller of `track()` supplies: everything but the fields the tracker fills in. */
export type TrackFields<T extends ClientTouchpointType> = Omit<
  Extract<TouchpointEventInput, { type: T }>,
  'id' | 'occurredAt' | 'type'
>;

/** utm-like attribution of this visit (SPEC §2.1), added to every event that does not set its own. */
export interface Attribution {
  channel?: string;
  campaignId?: string;
  /** The lead id of whoever shared the page that opened the app (referral, issue 5 item 3). */
  referrer?: string;
}

/**
 * The server's answer to one batch. `send` throws instead when no answer arrived (no network,
 * timeout): the batch may or may not have been stored, so it is resent with the same ids.
 */
export interface TransportReply {
  status: number;
  /** Field problems of a 400 (`events.3.occurredAt`), when the server names them. */
  issues?: readonly ErrorIssue[];
}

export interface TrackingTransport {
  /** `POST /api/touchpoints` with `{ events }`. */
  send(events: readonly TouchpointEvent[]): Promise<TransportReply>;
}

export interface TrackerDeps {
  storage: KeyValueStorage;
  transport: TrackingTransport;
  clock: Clock;
  timer: Timer;
  randomBytes: RandomBytes;
  /** In [0, 1): the jitter of the retry backoff. */
  random: () => number;
  logger: Logger;
}

export interface TrackerOptions {
  /** Events per request; the API takes up to 100, we stay at 50 to keep each request small. */
  batchSize: number;
  /** How long new events wait for company before a send, so a page's burst becomes one request. */
  flushDelayMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxQueued: number;
  storageKey: string;
}

export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = {
  batchSize: 50,
  flushDelayMs: 3_000,
  retryBaseMs: 2_000,
  retryMaxMs: 5 * 60_000,
  maxQueued: 1_000,
  storageKey: 'scrm.tracking.queue.v1',
};

export interface FlushReport {
  sent: number;
  dropped: number;
  pending: number;
  /** `retrying`: a send failed and another attempt is scheduled. */
  state: 'idle' | 'retrying';
}

export interface Tracker {
  /** Validates and queues one event; returns its id, or `null` (logged) when it is invalid. */
  track<T extends ClientTouchpointType>(type: T, fields: TrackFields<T>): string | null;
  /** A page became visible; its view is recorded with the time spent when it hides. */
  pageShown(page: string): void;
  pageHidden(): void;
  /** Merges the fields given (e.g. a `referrer` from the opening link) into later events. */
  updateAttribution(attribution: Attribution): void;
  /** This visit's attribution so far (registration sends its `referrer` as the referring lead). */
  getAttribution(): Attribution;
  /** Sends everything queued now (ignoring any backoff wait); concurrent calls share one run. */
  flush(): Promise<FlushReport>;
  readonly pendingCount: number;
  /** Cancels the scheduled send; the queue stays in storage for the next start. */
  dispose(): void;
}

/** A reply status for which resending the same batch can never succeed: drop it, log it. */
const REJECTING_STATUSES = new Set([400, 413, 422]);
const MAX_PAGE_DURATION_MS = 24 * 3600 * 1000;

/**
 * The tracking client (SPEC §3, issue 5 item 3): a plain module with a persistent queue, batched
 * sends and retries. Nothing is lost and nothing is counted twice: an event keeps its id from
 * `track()` until the server has it, and the server ignores an id it has already stored, so a
 * batch that timed out after arriving can be resent safely.
 */
export function createTracker(deps: TrackerDeps, options: Partial<TrackerOptions> = {}): Tracker {
  const config = { ...DEFAULT_TRACKER_OPTIONS, ...options };
  if (config.batchSize < 1 || config.batchSize > 50) throw new RangeError('batchSize must be within 1..50');
  const { clock, timer, logger } = deps;
  const queue = createEventQueue({ ...config, storage: deps.storage, logger });
  const attribution: Attribution = {};
  let openPage: { page: string; shownAt: number } | null = null;
  let failedAttempts = 0;
  let scheduled: { cancel: () => void; dueAt: number } | null = null;
  let inFlight: Promise<FlushReport> | null = null;

  function schedule(delayMs: number): void {
    const dueAt = clock.now() + delayMs;
    if (scheduled && scheduled.dueAt <= dueAt) return;
    scheduled?.cancel();
    scheduled = {
      dueAt,
      cancel: timer.schedule(() => {
        scheduled = null;
        void flush();
      }, delayMs),
    };
  }

  function track<T extends ClientTouchpointType>(type: T, fields: TrackFields<T>): string | null {
    const candidate = {
      ...attribution,
      ...fields,
      type,
      id: createUuidV4(deps.randomBytes),
      occurredAt: new Date(clock.now()).toISOString(),
    };
    const parsed = clientTouchpointEventSchema.safeParse(candidate);
    if (!parsed.success) {
      logger.warn('invalid touchpoint not queued', { type, issues: parsed.error.issues });
      return null;
    }
    queue.append(parsed.data);
    // While backing off, the retry timer decides; a new event must not cut the wait short.
    if (failedAttempts === 0) schedule(queue.size >= config.batchSize ? 0 : config.flushDelayMs);
    return parsed.data.id;
  }

  function pageHidden(): void {
    if (!openPage) return;
    const { page, shownAt } = openPage;
    openPage = null;
    const durationMs = Math.min(MAX_PAGE_DURATION_MS, Math.max(0, clock.now() - shownAt));
    track('page_view', { props: { page, durationMs } });
  }

  function pageShown(page: string): void {
    pageHidden();
    openPage = { page, shownAt: clock.now() };
  }

  /** The ids a rejected batch should lose: those its issues name, or all when none are named. */
  function findRejectedIds(batch: readonly TouchpointEvent[], reply: TransportReply): Set<string> {
    const named = new Set<string>();
    for (const issue of reply.issues ?? []) {
      const index = /^events\.(\d+)(\.|$)/.exec(issue.path)?.[1];
      const event = index === undefined ? undefined : batch[Number(index)];
      if (event) named.add(event.id);
    }
    return named.size > 0 ? named : new Set(batch.map((event) => event.id));
  }

  async function sendAll(): Promise<FlushReport> {
    scheduled?.cancel();
    scheduled = null;
    let sent = 0;
    let dropped = 0;
    while (queue.size > 0) {
      const batch = queue.peek(config.batchSize);
      let reply: TransportReply;
      try {
        reply = await deps.transport.send(batch);
      } catch {
        reply = { status: 0 };
      }
      if (reply.status >= 200 && reply.status < 300) {
        queue.removeIds(new Set(batch.map((event) => event.id)));
        sent += batch.length;
        failedAttempts = 0;
      } else if (REJECTING_STATUSES.has(reply.status)) {
        // The server wrote nothing of this batch (SPEC §4 "never a partial write"), so the events
        // it did not name are resent in the next round.
        const rejected = findRejectedIds(batch, reply);
        logger.warn('server rejected touchpoints; dropped', {
          status: reply.status,
          events: batch.filter((event) => rejected.has(event.id)),
          issues: reply.issues ?? [],
        });
        queue.removeIds(rejected);
        dropped += rejected.size;
      } else {
        // No answer, 401 (the session is renewed by the API client), 408, 429 or 5xx: retry later.
        failedAttempts += 1;
        schedule(
          computeBackoffMs(failedAttempts, {
            baseMs: config.retryBaseMs,
            maxMs: config.retryMaxMs,
            random: deps.random,
          }),
        );
        return { sent, dropped, pending: queue.size, state: 'retrying' };
      }
    }
    return { sent, dropped, pending: 0, state: 'idle' };
  }

  function flush(): Promise<FlushReport> {
    inFlight ??= sendAll().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    track,
    pageShown,
    pageHidden,
    updateAttribution(next) {
      for (const key of ['channel', 'campaignId', 'referrer'] as const) {
        const value = next[key];
        if (value !== undefined) attribution[key] = value;
      }
    },
    getAttribution: () => ({ ...attribution }),
    flush,
    get pendingCount() {
      return queue.size;
    },
    dispose() {
      scheduled?.cancel();
      scheduled = null;
    },
  };
}
