/**
 * The accept-SLA sweep (issue 9 §2), run by `/api/cron/sla`: every lead whose holder has not
 * accepted it by its due time is taken back (the miss is recorded against the advisor, in the
 * assignment period that ends `sla_missed`) and handed to the next advisor of its campus, or left
 * in the pool when nobody has room. Each lead is one transaction that takes the lead's row with
 * `FOR UPDATE SKIP LOCKED`: an accept in progress wins over the sweep, and overlapping runs never
 * recover one lead twice. A run also holds a lock in the shared store (`redis/lock.ts`), so a
 * second cron call while one runs returns at once.
 */
import type { RunSlaSweepResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { lockOverdueLeads } from '../../db/queries/assignments.js';
import { withLock } from '../../redis/lock.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import { deliverStaffNotifications } from './notify-advisors.js';
import { chooseNextAdvisor } from './route-on-signals.js';

const LOCK_KEY = 'lock:cron:sla';
/** Longer than a run's worst case (MAX_LEADS transactions); the lock only saves duplicate work. */
const LOCK_TTL_MS = 5 * 60_000;
/** Leads recovered per run; the next run (every few minutes) takes the rest. */
const MAX_LEADS = 500;

type SweepContext = Pick<AppContext, 'db' | 'now' | 'store' | 'wechat' | 'logger'>;

/** Recovers one overdue lead; `null` when none is left (or the rest are being worked on). */
async function recoverOne(ctx: SweepContext): Promise<'reassigned' | 'pooled' | null> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const [overdue] = await lockOverdueLeads(tx, now, 1);
    if (!overdue) return null;
    const missed = await recordLeadSignals(tx, {
      leadId: overdue.id,
      signals: [],
      staffSignals: [
        {
          id: crypto.randomUUID(),
          type: 'lead_sla_missed',
          occurredAt: now.toISOString(),
          advisorId: overdue.ownerAdvisorId,
        },
      ],
      now,
    });
    const next = await chooseNextAdvisor(tx, missed.lead, now);
    if (!next) return 'pooled';
    await recordLeadSignals(tx, { leadId: overdue.id, signals: [], staffSignals: [next], now });
    return 'reassigned';
  });
}

/**
 * Recovers overdue leads one transaction at a time until none is left (or `MAX_LEADS`). Safe to
 * run concurrently without the store lock: each lead is taken under `SKIP LOCKED`, and a lead
 * recovered by one run is no longer overdue for the other.
 */
export async function recoverOverdueLeads(ctx: SweepContext) {
  const counts = { recovered: 0, reassigned: 0, pooled: 0 };
  for (let i = 0; i < MAX_LEADS; i++) {
    const outcome = await recoverOne(ctx);
    if (!outcome) break;
    counts.recovered += 1;
    counts[outcome] += 1;
  }
  return counts;
}

export async function runSlaSweep(ctx: SweepContext): Promise<RunSlaSweepResponse> {
  const run = await withLock(ctx.store, LOCK_KEY, { ttlMs: LOCK_TTL_MS }, () => recoverOverdueLeads(ctx));
  if (!run.acquired) return { skipped: true, recovered: 0, reassigned: 0, pooled: 0, notificationsSent: 0 };
  // Notifications queued here, and any an earlier delivery left pending.
  const notificationsSent = await deliverStaffNotifications(ctx, 50);
  return { skipped: false, ...run.value, notificationsSent };
}
