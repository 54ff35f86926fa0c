/**
 * Touchpoint ingest (issue 4 item 6): a prospect's batch of events, idempotent by event id.
 * Events whose device time is implausible are refused as a whole batch (nothing written), so a
 * broken clock cannot push points into the future or the distant past. A download of gated
 * content reported by the device is ignored, and the rest of the batch stored: the server
 * records those downloads itself when the signed link is fetched (issue 8 items 5 and 13), so a
 * device cannot score a download it could not have.
 */
import { type IngestTouchpointsResponse, parseInstantMs, type TouchpointEvent } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Transaction } from '../../db/client.js';
import { listGatedContentIds } from '../../db/queries/contents.js';
import { AppError } from '../../http/app-error.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import { deliverStaffNotifications } from '../routing/notify-advisors.js';

/** Device clocks drift; a few minutes ahead is normal, a day ahead is a broken clock. */
const MAX_FUTURE_MS = 24 * 3600 * 1000;
/** The mini-program keeps unsent events across restarts; a month covers a phone left offline. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export function findImplausibleEvent(
  events: readonly { occurredAt: string }[],
  now: Date,
): { index: number; reason: string } | null {
  for (const [index, event] of events.entries()) {
    const offset = parseInstantMs(event.occurredAt) - now.getTime();
    if (offset > MAX_FUTURE_MS) return { index, reason: 'more than 24 h in the future' };
    if (-offset > MAX_AGE_MS) return { index, reason: 'more than 30 days old' };
  }
  return null;
}

export async function ingestTouchpoints(
  ctx: Pick<AppContext, 'db' | 'now' | 'wechat' | 'logger'>,
  /** Already checked against `clientTouchpointEventSchema` by the route. */
  options: { leadId: string; events: readonly TouchpointEvent[] },
): Promise<IngestTouchpointsResponse> {
  const now = ctx.now();
  const implausible = findImplausibleEvent(options.events, now);
  if (implausible) {
    throw new AppError('validation_failed', `events.${implausible.index}.occurredAt: ${implausible.reason}`, {
      userMessage: '设备时间不正确，请校准手机时间后重试',
    });
  }
  const result = await ctx.db.transaction(async (tx) => {
    const { kept, ignored } = await dropServerRecordedEvents(tx, options.events);
    const recorded = await recordLeadSignals(tx, { leadId: options.leadId, signals: kept, now });
    return { ...recorded, ignored };
  });
  // A consultation request is high intent: routing may have handed the lead over (issue 9 §2).
  if (result.isNotificationQueued) await deliverStaffNotifications(ctx);
  return { accepted: result.accepted, duplicates: result.duplicates, ignored: result.ignored };
}

/** Splits off device reports of what the server records itself: downloads of gated content. */
async function dropServerRecordedEvents(tx: Transaction, events: readonly TouchpointEvent[]) {
  const downloads = events.flatMap((e) => (e.type === 'content_download' ? [e.contentId] : []));
  const gated = await listGatedContentIds(tx, [...new Set(downloads)]);
  const kept = events.filter((e) => !(e.type === 'content_download' && gated.has(e.contentId)));
  return { kept, ignored: events.length - kept.length };
}
