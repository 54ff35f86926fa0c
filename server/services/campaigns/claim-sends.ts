/**
 * Step 1 of dispatch (ADR 015 "Claiming, spending, sending"): one transaction claims due outbox
 * rows with `FOR UPDATE SKIP LOCKED` and decides each with `checkStepDispatch` — skip, defer, or
 * send. A subscribe message spends its grant and reserves the lead's cap here and is committed as
 * `sending` with a lease before WeChat is called; an in-app message has no external call, so it is
 * written and marked `sent` here.
 */
import {
  type CampaignContent,
  type CampaignDocument,
  checkStepDispatch,
  type FrequencyCaps,
  parseCampaignDocument,
} from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Transaction } from '../../db/client.js';
import { loadCampaignLeadFacts } from '../../db/queries/campaign-facts.js';
import {
  type ClaimedOutboxRow,
  claimDueOutboxRows,
  insertLeadMessage,
  spendGrant,
  updateOutboxRow,
} from '../../db/queries/campaign-outbox.js';
import { composeMessage, findStep, toInAppMessage } from './compose-message.js';
import { countInto, type DispatchTally } from './dispatch-tally.js';
import { readSendCounts, reserveSend } from './frequency-counters.js';
import { recordMessageSent } from './record-message-sent.js';
import type { TemplateIds } from './template-ids.js';

/** A claimed subscribe message, committed as `sending`, for step 2 (the call to WeChat). */
export interface PendingSend {
  outboxId: string;
  campaignId: string;
  stepId: string;
  leadId: string;
  templateId: string;
  attempts: number;
  message: { toOpenId: string; templateId: string; page: string; data: Record<string, string> };
  /** What the lead gets instead if WeChat says there is no grant (43101). */
  inApp: { title: string; body: string; page: string } | null;
  variant: string | null;
}

export interface ClaimOptions {
  now: Date;
  limit: number;
  leaseMs: number;
  caps: FrequencyCaps;
  templateIds: TemplateIds;
  catalogue: readonly CampaignContent[];
}

type ClaimContext = Pick<AppContext, 'db' | 'store'>;

type OutboxKey = Pick<ClaimedOutboxRow, 'id' | 'leadId' | 'campaignId' | 'stepId' | 'templateId'>;

/** Writes the in-app message of an outbox row and marks the row sent (one transaction, no unknown). */
export async function writeInApp(
  tx: Transaction,
  row: OutboxKey,
  message: { title: string; body: string; page: string },
  extra: { variant: string | null; now: Date; errcode?: number },
) {
  const { now } = extra;
  await insertLeadMessage(tx, {
    leadId: row.leadId,
    outboxId: row.id,
    campaignId: row.campaignId,
    stepId: row.stepId,
    ...message,
    createdAt: now,
  });
  await updateOutboxRow(
    tx,
    row.id,
    {
      status: 'sent',
      channel: 'in_app_message',
      variant: extra.variant,
      payload: message,
      sentAt: now,
      lockedUntil: null,
      errcode: extra.errcode ?? null,
      reason: extra.errcode ? 'no_grant' : null,
    },
    now,
  );
  await recordMessageSent(tx, {
    outboxId: row.id,
    leadId: row.leadId,
    campaignId: row.campaignId,
    templateId: row.templateId,
    channel: 'in_app_message',
    now,
  });
}

/** Claims and decides one batch; returns how many rows it took and the subscribe messages to send now. */
export async function claimSends(
  ctx: ClaimContext,
  options: ClaimOptions,
  tally: DispatchTally,
): Promise<{ claimed: number; sends: PendingSend[] }> {
  const { now } = options;
  return ctx.db.transaction(async (tx) => {
    const rows = await claimDueOutboxRows(tx, now, options.limit);
    if (rows.length === 0) return { claimed: 0, sends: [] };
    const facts = await loadCampaignLeadFacts(tx, [...new Set(rows.map((r) => r.leadId))], options.templateIds);
    const documents = new Map<string, CampaignDocument>();
    const sends: PendingSend[] = [];
    for (const row of rows) {
      const skip = async (reason: string, detail: string | null = null) => {
        countInto(tally.skipped, reason);
        await updateOutboxRow(tx, row.id, { status: 'skipped', reason, lastError: detail, lockedUntil: null }, now);
      };
      const defer = async (until: Date, reason: string) => {
        countInto(tally.deferred, reason);
        await updateOutboxRow(tx, row.id, { scheduledAt: until, reason }, now);
      };
      const document = documents.get(row.campaignId) ?? parseCampaignDocument(row.document);
      documents.set(row.campaignId, document);
      const step = findStep(document, row.stepId);
      const lead = facts.get(row.leadId);
      if (!step) {
        await skip('step_removed');
        continue;
      }
      if (row.exitReason || !lead) {
        await skip(row.exitReason ?? 'erased');
        continue;
      }
      const dispatch = {
        campaign: document,
        step,
        lead,
        enteredAt: row.enteredAt ?? row.dueAt ?? now,
        dueAt: row.dueAt ?? now,
        now,
        caps: options.caps,
      };
      const decision = checkStepDispatch({ ...dispatch, counts: await readSendCounts(ctx.store, row.leadId, now) });
      if (decision.kind === 'skip') {
        await skip(decision.reason);
        continue;
      }
      if (decision.kind === 'defer') {
        await defer(decision.until, decision.reason);
        continue;
      }
      const isSubscribe = decision.channel === 'subscribe_message' && row.openid !== null;
      const compose = (channel: 'subscribe_message' | 'in_app_message') =>
        composeMessage({ campaignId: row.campaignId, step, lead, channel, catalogue: options.catalogue });
      const inApp = compose('in_app_message');
      if (!inApp.ok) {
        await skip(inApp.reason, inApp.detail);
        continue;
      }
      const caps = document.sendRules.isCapExempt ? null : options.caps;
      if (!(await reserveSend(ctx.store, { leadId: row.leadId, at: now, caps }))) {
        // Another send to this lead took the room since the counts were read.
        const again = checkStepDispatch({ ...dispatch, counts: await readSendCounts(ctx.store, row.leadId, now) });
        if (again.kind === 'skip') await skip(again.reason);
        else await defer(again.kind === 'defer' ? again.until : new Date(now.getTime() + 60_000), 'daily_cap');
        continue;
      }
      const inAppMessage = toInAppMessage(step, inApp.rendered);
      const subscribe = isSubscribe ? compose('subscribe_message') : null;
      if (subscribe?.ok && row.openid && (await spendGrant(tx, row.leadId, row.templateId, now))) {
        const message = {
          toOpenId: row.openid,
          templateId: row.templateId,
          page: subscribe.rendered.page,
          data: subscribe.rendered.data,
        };
        await updateOutboxRow(
          tx,
          row.id,
          {
            status: 'sending',
            channel: 'subscribe_message',
            variant: subscribe.variant,
            payload: message,
            attempts: row.attempts + 1,
            lockedUntil: new Date(now.getTime() + options.leaseMs),
            reason: null,
          },
          now,
        );
        sends.push({
          outboxId: row.id,
          campaignId: row.campaignId,
          stepId: row.stepId,
          leadId: row.leadId,
          templateId: row.templateId,
          attempts: row.attempts + 1,
          message,
          inApp: inAppMessage,
          variant: subscribe.variant,
        });
        continue;
      }
      await writeInApp(tx, row, inAppMessage, { variant: inApp.variant, now });
      tally.sent.inAppMessage += 1;
    }
    return { claimed: rows.length, sends };
  });
}
