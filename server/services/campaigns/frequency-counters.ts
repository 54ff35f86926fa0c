/**
 * The per-lead frequency cap's counters in the shared store (ADR 015): one counter per lead and
 * Shanghai day, across all campaigns, so every function instance sees the same counts. A send
 * reserves with `INCR` and re-checks the seven days; over the cap it gives the reservation back.
 * A claimed batch reads its leads' counters in one round trip and reserves in two (issue 13 §5).
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

/** Each lead's sends on each of the seven days that decide a send at `at`: one MGET for all. */
export async function readSendCountsOfLeads(
  store: SharedStore,
  leadIds: readonly string[],
  at: Date,
): Promise<Map<string, SendCountsByDay>> {
  const days = listCapWindowDays(at);
  const unique = [...new Set(leadIds)];
  const values = await store.getMany(unique.flatMap((leadId) => days.map((day) => counterKey(leadId, day))));
  return new Map(
    unique.map((leadId, i) => [
      leadId,
      Object.fromEntries(days.map((day, j) => [day, Number(values[i * days.length + j] ?? 0)])),
    ]),
  );
}

export interface SendReservation {
  leadId: string;
  /** `null`: a cap-exempt campaign, whose send is counted but never refused. */
  caps: FrequencyCaps | null;
}

/**
 * Counts one send per request at `at`; a request with `caps` keeps its count only if it stays
 * within them. All counters are incremented in one MULTI, then the seven days re-read in one
 * MGET: each request is judged on the count before its own `INCR` (so of two requests for one
 * lead in a batch, or two runners at once, the second sees the first and gives back), as
 * `reserveSend` did one at a time. Answers, per request, whether it holds a reservation and the
 * other sends it was judged against.
 */
export async function reserveSends(
  store: SharedStore,
  requests: readonly SendReservation[],
  at: Date,
): Promise<{ isReserved: boolean; counts: SendCountsByDay }[]> {
  if (requests.length === 0) return [];
  const today = getShanghaiDay(at.getTime());
  const afterMine = await store.incrWindows(
    requests.map((r) => ({ key: counterKey(r.leadId, today), ttlMs: COUNTER_TTL_MS })),
  );
  const capped = requests.filter((r) => r.caps !== null).map((r) => r.leadId);
  const current = capped.length > 0 ? await readSendCountsOfLeads(store, capped, at) : new Map();
  const results = requests.map((request, i) => {
    const counts = { ...current.get(request.leadId), [today]: (afterMine[i] ?? 1) - 1 };
    const isReserved = request.caps === null || checkFrequencyCap({ at, counts, caps: request.caps }).isAllowed;
    return { isReserved, counts };
  });
  const refused = requests.filter((_, i) => !results[i]?.isReserved);
  await Promise.all(refused.map((r) => releaseSend(store, r.leadId, at)));
  return results;
}

/** Gives back a reservation for a send that did not happen (WeChat refused it, or over the cap). */
export async function releaseSend(store: SharedStore, leadId: string, at: Date): Promise<void> {
  await store.incr(counterKey(leadId, getShanghaiDay(at.getTime())), { by: -1 });
}
