/**
 * Step 3 of dispatch (ADR 015): one transaction records what WeChat answered, by outcome
 * (`server/wechat/send-outcome.ts`): sent; no grant (43101: refund, the grant is gone, the step
 * goes as an in-app message instead); bad data (47003: failed with the reason); retry later
 * (45009, busy, no connection: refund, release the cap, back off, bounded); a configuration error
 * (the campaign is paused); unknown (kept spent, never retried).
 */
import { planRetry } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Transaction } from '../../db/client.js';
import { lockInFlightRow, pauseCampaigns, refundGrant, updateOutboxRow } from '../../db/queries/campaign-outbox.js';
import type { SubscribeSendOutcome } from '../../wechat/send-outcome.js';
import type { PendingSend } from './claim-sends.js';
import { writeInApp } from './claim-sends.js';
import { countInto, type DispatchTally } from './dispatch-tally.js';
import { releaseSend } from './frequency-counters.js';
import { recordMessageSent } from './record-message-sent.js';

type RecordContext = Pick<AppContext, 'db' | 'store' | 'logger'>;

export async function recordSendOutcome(
  ctx: RecordContext,
  send: PendingSend,
  outcome: SubscribeSendOutcome,
  now: Date,
  tally: DispatchTally,
): Promise<void> {
  const refund = (tx: Transaction, isGone = false) =>
    refundGrant(tx, { leadId: send.leadId, templateId: send.templateId, isGone, now });
  const fail = async (tx: Transaction, code: string | number, reason: string, errcode: number, detail = reason) => {
    await refund(tx);
    await updateOutboxRow(
      tx,
      send.outboxId,
      { status: 'failed', reason, errcode, lastError: detail, lockedUntil: null },
      now,
    );
    countInto(tally.failed, code);
  };
  let isCapReleased = false;
  await ctx.db.transaction(async (tx) => {
    if (!(await lockInFlightRow(tx, send.outboxId))) return;
    switch (outcome.kind) {
      case 'sent':
        await updateOutboxRow(
          tx,
          send.outboxId,
          { status: 'sent', sentAt: now, lockedUntil: null, errcode: null },
          now,
        );
        await recordMessageSent(tx, { ...send, channel: 'subscribe_message', now });
        tally.sent.subscribeMessage += 1;
        return;
      case 'no_grant':
        await refund(tx, true);
        if (send.inApp) {
          await writeInApp(tx, { ...send, id: send.outboxId }, send.inApp, {
            variant: send.variant,
            now,
            errcode: 43101,
          });
          tally.sent.inAppMessage += 1;
        }
        countInto(tally.deferred, 'no_grant_in_app');
        return;
      case 'retry_later': {
        await refund(tx);
        isCapReleased = true;
        const retry = planRetry({ attempts: send.attempts, now, key: send.outboxId });
        if (retry.kind === 'give_up') {
          await updateOutboxRow(
            tx,
            send.outboxId,
            {
              status: 'failed',
              reason: retry.reason,
              errcode: outcome.errcode,
              lastError: outcome.reason,
              lockedUntil: null,
            },
            now,
          );
          countInto(tally.failed, outcome.errcode ?? 'network');
          return;
        }
        await updateOutboxRow(
          tx,
          send.outboxId,
          {
            status: 'pending',
            scheduledAt: retry.at,
            reason: 'retry_later',
            errcode: outcome.errcode,
            lastError: outcome.reason,
            lockedUntil: null,
          },
          now,
        );
        countInto(tally.deferred, 'retry_later');
        return;
      }
      case 'unknown':
        await updateOutboxRow(
          tx,
          send.outboxId,
          { status: 'unknown', reason: 'no_reply', lastError: outcome.reason, lockedUntil: null },
          now,
        );
        tally.unknown += 1;
        return;
      case 'bad_data':
        isCapReleased = true;
        return fail(tx, outcome.errcode, 'bad_data', outcome.errcode, outcome.reason);
      case 'invalid_template':
      case 'invalid_page':
        isCapReleased = true;
        await fail(tx, outcome.errcode, outcome.kind, outcome.errcode);
        // Configuration, not the lead: stop the campaign until a manager fixes it.
        await pauseCampaigns(tx, [send.campaignId], now);
        ctx.logger.warn('campaign paused: WeChat refused its configuration', {
          campaignId: send.campaignId,
          outcome: outcome.kind,
        });
        return;
      case 'invalid_openid':
        isCapReleased = true;
        return fail(tx, outcome.errcode, 'invalid_openid', outcome.errcode);
      case 'failed':
        isCapReleased = true;
        return fail(tx, outcome.errcode, 'failed', outcome.errcode, outcome.reason);
      default: {
        const never: never = outcome;
        return never;
      }
    }
  });
  if (isCapReleased) await releaseSend(ctx.store, send.leadId, now);
}
