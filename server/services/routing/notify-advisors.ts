/**
 * Tells advisors about leads handed to them (issue 9 §2): a subscribe message of the "new lead"
 * template when the advisor holds a grant for it, else nothing (the lead is on their list either
 * way). Called after the transaction that queued the notification commits (never inside it: a
 * rolled-back assignment must not have been announced), and by the SLA cron for any left over.
 * Best effort: a failure is logged and recorded, never the caller's error.
 */
import type { AppContext } from '../../context.js';
import {
  finishNotification,
  lockNextPendingNotification,
  spendGrantOfOpenid,
} from '../../db/queries/staff-notifications.js';
import { WechatApiError } from '../../wechat/wechat-error.js';

/** WeChat caps a `thing` value at 20 characters (subscribeMessage.send, errcode 47003). */
const clip = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

/** Shanghai wall-clock time, as the `time` keyword wants it (`2026-03-02 13:00`). */
function toShanghaiClock(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Delivers up to `limit` pending notifications; returns how many were sent. */
export async function deliverStaffNotifications(
  ctx: Pick<AppContext, 'db' | 'now' | 'wechat' | 'logger'>,
  limit = 10,
): Promise<number> {
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    try {
      const outcome = await ctx.db.transaction(async (tx) => {
        const note = await lockNextPendingNotification(tx);
        if (!note) return null;
        const now = ctx.now();
        const canSend =
          note.templateId !== null &&
          note.staffOpenid !== null &&
          note.isStaffActive &&
          (await spendGrantOfOpenid(tx, note.staffOpenid, note.templateId, now));
        if (!canSend || !note.templateId || !note.staffOpenid) {
          await finishNotification(tx, note.id, { status: 'skipped', at: now });
          return 'skipped';
        }
        try {
          await ctx.wechat.sendSubscribeMessage({
            toOpenId: note.staffOpenid,
            templateId: note.templateId,
            page: `admin/pages/lead/index?id=${note.leadId}`,
            data: {
              thing1: clip(note.leadName ?? '新线索'),
              time2: toShanghaiClock(note.slaDueAt ?? now),
              thing3: clip(note.leadSource ?? '线索分配'),
            },
          });
        } catch (error) {
          if (!(error instanceof WechatApiError)) throw error;
          await finishNotification(tx, note.id, { status: 'failed', errcode: error.errcode, at: now });
          return 'failed';
        }
        await finishNotification(tx, note.id, { status: 'sent', at: now });
        return 'sent';
      });
      if (outcome === null) break;
      if (outcome === 'sent') sent += 1;
    } catch (error) {
      // The notification stays pending for the next run; the action that queued it succeeded.
      ctx.logger.warn('advisor notification not delivered', { err: error });
      break;
    }
  }
  return sent;
}
