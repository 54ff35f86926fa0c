/** What a runner pass did, counted as it goes (the cron report, `RunCampaignsResponse`). */
export interface DispatchTally {
  sent: { subscribeMessage: number; inAppMessage: number };
  skipped: Record<string, number>;
  deferred: Record<string, number>;
  failed: Record<string, number>;
  unknown: number;
}

export function createDispatchTally(): DispatchTally {
  return { sent: { subscribeMessage: 0, inAppMessage: 0 }, skipped: {}, deferred: {}, failed: {}, unknown: 0 };
}

export function countInto(counts: Record<string, number>, key: string | number): void {
  counts[String(key)] = (counts[String(key)] ?? 0) + 1;
}

/** Adds what a committed transaction did (counted on the side, so a rolled-back one counts nothing). */
export function mergeTally(into: DispatchTally, from: DispatchTally): void {
  into.sent.subscribeMessage += from.sent.subscribeMessage;
  into.sent.inAppMessage += from.sent.inAppMessage;
  for (const key of ['skipped', 'deferred', 'failed'] as const) {
    for (const [reason, n] of Object.entries(from[key])) into[key][reason] = (into[key][reason] ?? 0) + n;
  }
  into.unknown += from.unknown;
}
