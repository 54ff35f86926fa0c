/**
 * Step 1 of dispatch (ADR 015 "Claiming, spending, sending"): one transaction claims due outbox
 * rows with `FOR UPDATE SKIP LOCKED` and decides each with `checkStepDispatch` — skip, defer, or
 * send. A subscribe message spends its grant and reserves the lead's cap here and is committed as
 * `sending` with a lease before WeChat is called; an in-app message has no external call, so it is
 * written and marked `sent` here. The batch is decided row by row in memory and written set-wise
 * (issue 13 §5): the cap counters in one read and one reservation, the grants in one statement,
 * the rows, in-app messages and touchpoints in a statement or two each.
 */
import {
  type CampaignContent,
  type CampaignDocument,
  type CampaignLeadFacts,
  type CampaignStep,
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
  insertLeadMessages,
  type OutboxPatch,
  spendGrants,
  updateOutboxRows,
} from '../../db/queries/campaign-outbox.js';
import { composeMessage, findStep, toInAppMessage } from './compose-message.js';
import { countInto, createDispatchTally, type DispatchTally, mergeTally } from './dispatch-tally.js';
import { readSendCountsOfLeads, reserveSends } from './frequency-counters.js';
import { type MessageSent, recordMessagesSent } from './record-message-sent.js';
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

/** An in-app message to write for an outbox row, and mark the row sent (no unknown outcome). */
export interface InAppWrite {
  row: OutboxKey;
  message: { title: string; body: string; page: string };
  variant: string | null;
  /** WeChat's refusal that sent the step in-app instead (43101). */
  errcode?: number;
}

/** What the rows of a batch come to: their patches, the in-app messages they write, the subscribe messages sent. */
export interface OutboxWrites {
  patches: { id: string; patch: OutboxPatch }[];
  inApp: InAppWrite[];
  sent?: MessageSent[];
}

/**
 * Writes a batch's outbox patches and in-app messages, and the touchpoint of every message sent
 * (in-app and subscribe) in one call, so the batch locks its leads in one id-ordered statement.
 */
export async function writeOutboxChanges(tx: Transaction, writes: OutboxWrites, now: Date): Promise<void> {
  const { inApp } = writes;
  await insertLeadMessages(
    tx,
    inApp.map(({ row, message }) => ({
      leadId: row.leadId,
      outboxId: row.id,
      campaignId: row.campaignId,
      stepId: row.stepId,
      ...message,
      createdAt: now,
    })),
  );
  const sentInApp = inApp.map(({ row, message, variant, errcode }) => ({
    id: row.id,
    patch: {
      status: 'sent' as const,
      channel: 'in_app_message',
      variant,
      payload: message,
      sentAt: now,
      lockedUntil: null,
      errcode: errcode ?? null,
      reason: errcode ? 'no_grant' : null,
    },
  }));
  await updateOutboxRows(tx, [...writes.patches, ...sentInApp], now);
  await recordMessagesSent(
    tx,
    [...inApp.map(({ row }) => ({ ...row, outboxId: row.id, channel: 'in_app_message' })), ...(writes.sent ?? [])],
    now,
  );
}

/** A row `checkStepDispatch` let through, waiting for its cap reservation. */
interface Candidate {
  row: ClaimedOutboxRow;
  document: CampaignDocument;
  step: CampaignStep;
  lead: CampaignLeadFacts;
  dispatch: Omit<Parameters<typeof checkStepDispatch>[0], 'counts'>;
  channel: 'subscribe_message' | 'in_app_message';
  inApp: ReturnType<typeof toInAppMessage>;
  inAppVariant: string | null;
}

/** Claims and decides one batch; returns how many rows it took and the subscribe messages to send now. */
export async function claimSends(
  ctx: ClaimContext,
  options: ClaimOptions,
  tally: DispatchTally,
): Promise<{ claimed: number; sends: PendingSend[] }> {
  const { now } = options;
  const counted = createDispatchTally();
  const claimed = await ctx.db.transaction(async (tx) => {
    const rows = await claimDueOutboxRows(tx, now, options.limit);
    if (rows.length === 0) return { claimed: 0, sends: [] };
    const facts = await loadCampaignLeadFacts(tx, [...new Set(rows.map((r) => r.leadId))], options.templateIds);
    const counts = await readSendCountsOfLeads(ctx.store, [...facts.keys()], now);
    const writes: OutboxWrites = { patches: [], inApp: [] };
    const skip = (row: OutboxKey, reason: string, detail: string | null = null) => {
      countInto(counted.skipped, reason);
      writes.patches.push({ id: row.id, patch: { status: 'skipped', reason, lastError: detail, lockedUntil: null } });
    };
    const defer = (row: OutboxKey, until: Date, reason: string) => {
      countInto(counted.deferred, reason);
      writes.patches.push({ id: row.id, patch: { scheduledAt: until, reason } });
    };
    const documents = new Map<string, CampaignDocument>();
    const candidates: Candidate[] = [];
    for (const row of rows) {
      const document = documents.get(row.campaignId) ?? parseCampaignDocument(row.document);
      documents.set(row.campaignId, document);
      const step = findStep(document, row.stepId);
      const lead = facts.get(row.leadId);
      if (!step) {
        skip(row, 'step_removed');
        continue;
      }
      if (row.exitReason || !lead) {
        skip(row, row.exitReason ?? 'erased');
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
      const decision = checkStepDispatch({ ...dispatch, counts: counts.get(row.leadId) ?? {} });
      if (decision.kind === 'skip') {
        skip(row, decision.reason);
        continue;
      }
      if (decision.kind === 'defer') {
        defer(row, decision.until, decision.reason);
        continue;
      }
      const inApp = composeMessage({
        campaignId: row.campaignId,
        step,
        lead,
        channel: 'in_app_message',
        catalogue: options.catalogue,
      });
      if (!inApp.ok) {
        skip(row, inApp.reason, inApp.detail);
        continue;
      }
      candidates.push({
        row,
        document,
        step,
        lead,
        dispatch,
        channel: decision.channel,
        inApp: toInAppMessage(step, inApp.rendered),
        inAppVariant: inApp.variant,
      });
    }
    const reservations = await reserveSends(
      ctx.store,
      candidates.map((c) => ({ leadId: c.row.leadId, caps: c.document.sendRules.isCapExempt ? null : options.caps })),
      now,
    );
    const reserved: (Candidate & { subscribe: ReturnType<typeof composeMessage> | null })[] = [];
    for (const [i, candidate] of candidates.entries()) {
      const reservation = reservations[i];
      if (!reservation?.isReserved) {
        // Another send to this lead (in this batch, or another runner's) took the room since the counts were read.
        const again = checkStepDispatch({ ...candidate.dispatch, counts: reservation?.counts ?? {} });
        if (again.kind === 'skip') skip(candidate.row, again.reason);
        else defer(candidate.row, again.kind === 'defer' ? again.until : new Date(now.getTime() + 60_000), 'daily_cap');
        continue;
      }
      const { row, step, lead } = candidate;
      const isSubscribe = candidate.channel === 'subscribe_message' && row.openid !== null;
      const subscribe = isSubscribe
        ? composeMessage({
            campaignId: row.campaignId,
            step,
            lead,
            channel: 'subscribe_message',
            catalogue: options.catalogue,
          })
        : null;
      reserved.push({ ...candidate, subscribe });
    }
    const spending = reserved.filter((c) => c.subscribe?.ok && c.row.openid);
    const spent = await spendGrants(
      tx,
      spending.map((c) => ({ leadId: c.row.leadId, templateId: c.row.templateId })),
      now,
    );
    const isSpent = new Set(spending.filter((_, i) => spent[i]).map((c) => c.row.id));
    const sends: PendingSend[] = [];
    for (const candidate of reserved) {
      const { row, subscribe } = candidate;
      if (!isSpent.has(row.id) || !subscribe?.ok || !row.openid) {
        writes.inApp.push({ row, message: candidate.inApp, variant: candidate.inAppVariant });
        counted.sent.inAppMessage += 1;
        continue;
      }
      const message = {
        toOpenId: row.openid,
        templateId: row.templateId,
        page: subscribe.rendered.page,
        data: subscribe.rendered.data,
      };
      writes.patches.push({
        id: row.id,
        patch: {
          status: 'sending',
          channel: 'subscribe_message',
          variant: subscribe.variant,
          payload: message,
          attempts: row.attempts + 1,
          lockedUntil: new Date(now.getTime() + options.leaseMs),
          reason: null,
        },
      });
      sends.push({
        outboxId: row.id,
        campaignId: row.campaignId,
        stepId: row.stepId,
        leadId: row.leadId,
        templateId: row.templateId,
        attempts: row.attempts + 1,
        message,
        inApp: candidate.inApp,
        variant: subscribe.variant,
      });
    }
    await writeOutboxChanges(tx, writes, now);
    return { claimed: rows.length, sends };
  });
  mergeTally(tally, counted);
  return claimed;
}
