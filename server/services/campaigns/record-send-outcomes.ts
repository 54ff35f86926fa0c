/**
 * Step 3 of dispatch (ADR 015): one transaction per batch records what WeChat answered to each
 * send, by outcome (`server/wechat/send-outcome.ts`): sent; no grant (43101: refund, the grant is
 * gone, the step goes as an in-app message instead); bad data (47003: failed with the reason);
 * retry later (45009, busy, no connection: refund, release the cap, back off, bounded); a
 * configuration error (the campaign is paused); unknown (kept spent, never retried).
 *
 * If the batch's transaction fails, each send is recorded again on its own, so one bad row does
 * not take the others with it; a send that still cannot be recorded is marked `unknown` at once
 * (or, if even that fails, when its lease runs out): at most once holds whatever the database does.
 */
import { planRetry } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Transaction } from '../../db/client.js';
import {
  lockInFlightRows,
  markSendsUnknown,
  type OutboxPatch,
  pauseCampaigns,
  refundGrant,
} from '../../db/queries/campaign-outbox.js';
import type { SubscribeSendOutcome } from '../../wechat/send-outcome.js';
import type { OutboxWrites, PendingSend } from './claim-sends.js';
import { writeOutboxChanges } from './claim-sends.js';
import { countInto, createDispatchTally, type DispatchTally, mergeTally } from './dispatch-tally.js';
import { releaseSend } from './frequency-counters.js';
import type { MessageSent } from './record-message-sent.js';

type RecordContext = Pick<AppContext, 'db' | 'store' | 'logger'>;

export interface SendResult {
  send: PendingSend;
  outcome: SubscribeSendOutcome;
}

/** What a batch's outcomes come to, decided before anything is written. */
interface OutcomeWrites extends OutboxWrites {
  refunds: { leadId: string; templateId: string; isGone: boolean }[];
  sent: MessageSent[];
  pausedCampaignIds: string[];
  /** Leads whose cap reservation is given back once the transaction committed. */
  releasedLeadIds: string[];
  counted: DispatchTally;
}

function planOutcomes(results: readonly SendResult[], now: Date): OutcomeWrites {
  const writes: OutcomeWrites = {
    patches: [],
    inApp: [],
    refunds: [],
    sent: [],
    pausedCampaignIds: [],
    releasedLeadIds: [],
    counted: createDispatchTally(),
  };
  const { counted } = writes;
  for (const { send, outcome } of results) {
    const patch = (p: OutboxPatch) => writes.patches.push({ id: send.outboxId, patch: p });
    const refund = (isGone = false) =>
      writes.refunds.push({ leadId: send.leadId, templateId: send.templateId, isGone });
    const fail = (code: string | number, reason: string, errcode: number, detail = reason) => {
      refund();
      writes.releasedLeadIds.push(send.leadId);
      patch({ status: 'failed', reason, errcode, lastError: detail, lockedUntil: null });
      countInto(counted.failed, code);
    };
    switch (outcome.kind) {
      case 'sent':
        patch({ status: 'sent', sentAt: now, lockedUntil: null, errcode: null });
        writes.sent.push({ ...send, channel: 'subscribe_message' });
        counted.sent.subscribeMessage += 1;
        break;
      case 'no_grant':
        refund(true);
        if (send.inApp) {
          const row = { ...send, id: send.outboxId };
          writes.inApp.push({ row, message: send.inApp, variant: send.variant, errcode: 43101 });
          counted.sent.inAppMessage += 1;
        }
        countInto(counted.deferred, 'no_grant_in_app');
        break;
      case 'retry_later': {
        refund();
        writes.releasedLeadIds.push(send.leadId);
        const retry = planRetry({ attempts: send.attempts, now, key: send.outboxId });
        const common = { errcode: outcome.errcode, lastError: outcome.reason, lockedUntil: null };
        if (retry.kind === 'give_up') {
          patch({ status: 'failed', reason: retry.reason, ...common });
          countInto(counted.failed, outcome.errcode ?? 'network');
          break;
        }
        patch({ status: 'pending', scheduledAt: retry.at, reason: 'retry_later', ...common });
        countInto(counted.deferred, 'retry_later');
        break;
      }
      case 'unknown':
        patch({ status: 'unknown', reason: 'no_reply', lastError: outcome.reason, lockedUntil: null });
        counted.unknown += 1;
        break;
      case 'bad_data':
        fail(outcome.errcode, 'bad_data', outcome.errcode, outcome.reason);
        break;
      case 'invalid_template':
      case 'invalid_page':
        fail(outcome.errcode, outcome.kind, outcome.errcode);
        // Configuration, not the lead: stop the campaign until a manager fixes it.
        writes.pausedCampaignIds.push(send.campaignId);
        break;
      case 'invalid_openid':
        fail(outcome.errcode, 'invalid_openid', outcome.errcode);
        break;
      case 'failed':
        fail(outcome.errcode, 'failed', outcome.errcode, outcome.reason);
        break;
      default: {
        const never: never = outcome;
        return never;
      }
    }
  }
  return writes;
}

/**
 * Records the outcomes in one transaction; returns what it did, to count once committed. Grants
 * are refunded before any lead is locked, in (lead, template) order, as the claim takes them.
 */
async function recordInOneTransaction(
  ctx: RecordContext,
  results: readonly SendResult[],
  now: Date,
): Promise<OutcomeWrites> {
  return ctx.db.transaction(async (tx: Transaction) => {
    const inFlight = await lockInFlightRows(
      tx,
      results.map((r) => r.send.outboxId),
    );
    const writes = planOutcomes(
      results.filter((r) => inFlight.has(r.send.outboxId)),
      now,
    );
    const refunds = [...writes.refunds].sort((a, b) =>
      a.leadId === b.leadId ? a.templateId.localeCompare(b.templateId) : a.leadId < b.leadId ? -1 : 1,
    );
    for (const refund of refunds) await refundGrant(tx, { ...refund, now });
    await writeOutboxChanges(tx, writes, now);
    await pauseCampaigns(tx, [...new Set(writes.pausedCampaignIds)], now);
    return writes;
  });
}

async function afterCommit(ctx: RecordContext, writes: OutcomeWrites, now: Date, tally: DispatchTally) {
  mergeTally(tally, writes.counted);
  for (const campaignId of new Set(writes.pausedCampaignIds)) {
    ctx.logger.warn('campaign paused: WeChat refused its configuration', { campaignId });
  }
  await Promise.all(writes.releasedLeadIds.map((leadId) => releaseSend(ctx.store, leadId, now)));
}

/** Records a sent batch's outcomes; never throws (what it cannot record becomes `unknown`). */
export async function recordSendOutcomes(
  ctx: RecordContext,
  results: readonly SendResult[],
  now: Date,
  tally: DispatchTally,
): Promise<void> {
  if (results.length === 0) return;
  try {
    await afterCommit(ctx, await recordInOneTransaction(ctx, results, now), now, tally);
    return;
  } catch (error) {
    ctx.logger.error('campaign batch outcomes not recorded; recording one by one', {
      sends: results.length,
      error: String(error),
    });
  }
  const unrecorded: string[] = [];
  for (const result of results) {
    try {
      await afterCommit(ctx, await recordInOneTransaction(ctx, [result], now), now, tally);
    } catch (error) {
      ctx.logger.error('campaign send outcome not recorded: it stays unknown', {
        outboxId: result.send.outboxId,
        error: String(error),
      });
      unrecorded.push(result.send.outboxId);
    }
  }
  try {
    tally.unknown += await markSendsUnknown(ctx.db, unrecorded, 'record_failed', now);
  } catch (error) {
    // The lease runs out and the next run's sweep lists them as unknown instead.
    ctx.logger.error('campaign sends left sending until their lease runs out', {
      outboxIds: unrecorded,
      error: String(error),
    });
  }
}
