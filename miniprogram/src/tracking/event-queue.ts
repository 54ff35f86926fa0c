import { clientTouchpointEventSchema, type TouchpointEvent } from '@scrm/shared';
import type { Logger } from '../platform/logger';
import type { KeyValueStorage } from '../platform/storage';

/**
 * The unsent touchpoints, written through to device storage on every change, so that an app
 * restart or a crash loses nothing (SPEC §4 "the mini-program keeps unsent events across
 * restarts"). Events leave the queue only by id, after the server has them or has rejected them.
 */
export interface EventQueue {
  readonly size: number;
  /** The oldest `count` events, in the order they happened. */
  peek(count: number): TouchpointEvent[];
  append(event: TouchpointEvent): void;
  /** Removes exactly these ids; events appended meanwhile stay. */
  removeIds(ids: ReadonlySet<string>): void;
}

export function createEventQueue(options: {
  storage: KeyValueStorage;
  storageKey: string;
  maxQueued: number;
  logger: Logger;
}): EventQueue {
  const { storage, storageKey, maxQueued, logger } = options;
  let events = load();

  function load(): TouchpointEvent[] {
    const raw = storage.getItem(storageKey);
    if (raw === null) return [];
    let stored: unknown;
    try {
      stored = JSON.parse(raw);
    } catch {
      logger.warn('tracking queue in storage is not JSON; starting empty', { storageKey });
      return [];
    }
    if (!Array.isArray(stored)) return [];
    // Re-validate: the stored queue may come from an older app version with another schema.
    const valid: TouchpointEvent[] = [];
    for (const item of stored) {
      const parsed = clientTouchpointEventSchema.safeParse(item);
      if (parsed.success) valid.push(parsed.data);
      else logger.warn('dropped a stored event that no longer matches the schema', { item });
    }
    return valid;
  }

  function save(): void {
    try {
      storage.setItem(storageKey, JSON.stringify(events));
    } catch (error) {
      // Storage full: keep the events in memory; they are still sent while the app runs.
      logger.warn('could not persist the tracking queue', { error: String(error), queued: events.length });
    }
  }

  return {
    get size() {
      return events.length;
    },
    peek: (count) => events.slice(0, count),
    append(event) {
      events.push(event);
      if (events.length > maxQueued) {
        // Bounded so that a device offline for weeks cannot fill its storage; the oldest go first.
        const overflow = events.splice(0, events.length - maxQueued);
        logger.warn('tracking queue full; dropped the oldest events', { ids: overflow.map((e) => e.id) });
      }
      save();
    },
    removeIds(ids) {
      if (ids.size === 0) return;
      events = events.filter((event) => !ids.has(event.id));
      save();
    },
  };
}
