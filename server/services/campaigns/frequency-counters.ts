/**
 * The per-lead frequency cap's counters in the shared store (ADR 015): one counter per lead and
 * Shanghai day, across all campaigns, so every function instance sees the same counts. A send
 * reserves with `INCR` and re-checks the seven days; over the cap it gives the reservation back.
 */
import {
  CAP_WINDOW_DAYS,
  checkFrequencyCap,
  type FrequencyCaps,
  getShanghaiDay,
  listCapWindowDays,
  type SendCountsByDay,
} from '@scrm/shared';
import type { SharedStore } from '../../redis/types.js';

const DAY_MS = 86_400_000;
/** A day's counter is read for a week; a day more covers the clock's edge. */
const COUNTER_TTL_MS = (CAP_WINDOW_DAYS + 1) * DAY_MS;

const counterKey = (leadId: string, day: number) => `campaign:cap:${leadId}:${day}`;

/** The lead's sends on each of the seven days that decide a send at `at`. */
export async function readSendCounts(store: SharedStore, leadId: string, at: Date): Promise<SendCountsByDay> {
  const days = listCapWindowDays(at);
  const values = await Promise.all(days.map((day) => store.get(counterKey(leadId, day))));
  return Object.fromEntries(days.map((day, i) => [day, Number(values[i] ?? 0)]));
}

/**
 * Counts one send at `at`; with `caps`, only if it stays within them (else nothing is counted and
 * the answer is false). Two runners reserving for one lead at once: the second sees the first's
 * count after its own `INCR` and gives back.
 */
export async function reserveSend(
  store: SharedStore,
  input: { leadId: string; at: Date; caps: FrequencyCaps | null },
): Promise<boolean> {
  const today = getShanghaiDay(input.at.getTime());
  const key = counterKey(input.leadId, today);
  const afterMine = await store.incr(key, { ttlMs: COUNTER_TTL_MS });
  if (!input.caps) return true;
  const counts = { ...(await readSendCounts(store, input.leadId, input.at)), [today]: afterMine - 1 };
  if (checkFrequencyCap({ at: input.at, counts, caps: input.caps }).isAllowed) return true;
  await store.incr(key, { by: -1 });
  return false;
}

/** Gives back a reservation for a send that did not happen (WeChat refused it). */
export async function releaseSend(store: SharedStore, leadId: string, at: Date): Promise<void> {
  await store.incr(counterKey(leadId, getShanghaiDay(at.getTime())), { by: -1 });
}
