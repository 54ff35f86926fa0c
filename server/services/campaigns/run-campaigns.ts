/**
 * The campaign runner (issue 13 §2, ADR 015), run by `/api/cron/campaigns` and by `npm start` on a
 * timer: turns sends whose lease ran out into `unknown`; per active campaign, ends memberships
 * whose exit rule holds, enrols the audience's new leads and plans every due step, each one
 * set-wise statement; then dispatches in batches until the outbox has nothing due or the time
 * budget is spent. Several runs at once are safe: planning is idempotent by the outbox key and
 * each batch is claimed with `SKIP LOCKED`. A batch's subscribe messages go out `concurrency` at
 * a time and their outcomes are recorded in one transaction, while the next batch is claimed and
 * sent (issue 13 §5; `dispatchBatches`).
 */
import {
  type CampaignDocument,
  DEFAULT_FREQUENCY_CAPS,
  type FrequencyCaps,
  nextSendTime,
  parseCampaignDocument,
  type RunCampaignsResponse,
} from '@scrm/shared';
import type { AppContext } from '../../context.js';
import {
  listActiveCampaignRows,
  listPublishedContent,
  listUnknownSends,
  markExpiredSendsUnknown,
} from '../../db/queries/campaign-outbox.js';
import { enrolCampaignMembers, exitCampaignMembers, planCampaignStep } from '../../db/queries/campaign-planning.js';
import { claimSends, type PendingSend } from './claim-sends.js';
import { createDispatchTally, type DispatchTally } from './dispatch-tally.js';
import { recordSendOutcomes, type SendResult } from './record-send-outcomes.js';
import { getTemplateIds, type TemplateIds } from './template-ids.js';

export type RunnerContext = Pick<AppContext, 'db' | 'store' | 'env' | 'now' | 'wechat' | 'logger'>;

export interface RunCampaignsOptions {
  /** Wall-clock time a run may take before it stops claiming (Vercel's limit is 60 s here). */
  budgetMs?: number;
  batchSize?: number;
  /** How long a claimed send may stay `sending` before it counts as unknown. */
  leaseMs?: number;
  caps?: FrequencyCaps;
  /** Subscribe messages sent at once within a batch. */
  concurrency?: number;
}

const DEFAULTS = { budgetMs: 45_000, batchSize: 100, leaseMs: 5 * 60_000, concurrency: 8 } as const;

interface PlanCounts {
  entered: number;
  exited: number;
  planned: number;
}

async function planCampaign(
  ctx: RunnerContext,
  campaign: { id: string; document: CampaignDocument; activatedAt: Date | null },
  now: Date,
  templateIds: TemplateIds,
  counts: PlanCounts,
) {
  const { document } = campaign;
  counts.exited += await exitCampaignMembers(ctx.db, campaign, now, templateIds);
  const { startsAt, endsAt } = document.timeBox;
  if ((startsAt && Date.parse(startsAt) > now.getTime()) || (endsAt && Date.parse(endsAt) <= now.getTime())) return;
  counts.entered += await enrolCampaignMembers(ctx.db, campaign, now, templateIds);
  const sendAt = nextSendTime(now, document.sendRules.window);
  for (const step of document.steps) {
    counts.planned += await planCampaignStep(ctx.db, { campaign, step, now, sendAt, templateIds });
  }
}

/** Sends a batch's subscribe messages, `concurrency` at a time; the outcomes in the sends' order. */
async function sendAll(ctx: RunnerContext, sends: readonly PendingSend[], concurrency: number) {
  const results: SendResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < sends.length) {
      const send = sends[next++] as PendingSend;
      // A throw is a bug of ours, maybe after the request left: unknown, never sent again.
      const outcome = await ctx.wechat
        .deliverSubscribeMessage(send.message)
        .catch((error: unknown) => ({ kind: 'unknown' as const, reason: String(error) }));
      results.push({ send, outcome });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, sends.length) }, worker));
  return results;
}

/**
 * Claims, sends and records batches until nothing is due or time is up, three batches in flight:
 * the next one claimed while this one is sent while the previous one is recorded. Every batch
 * claimed is sent (its rows are `sending`, its grants spent), so the loop stops only by not
 * claiming; it returns whether it stopped for time.
 */
async function dispatchBatches(
  ctx: RunnerContext,
  options: { claim: () => ReturnType<typeof claimSends>; hasTime: () => boolean; concurrency: number },
  tally: DispatchTally,
): Promise<boolean> {
  const claimNext = () => {
    if (!options.hasTime()) return null;
    const claiming = options.claim();
    // Awaited on the next turn; until then a failure must not count as unhandled.
    claiming.catch(() => {});
    return claiming;
  };
  // The previous batch's outcomes, being recorded while this one is sent (it never rejects).
  let recording: Promise<void> = Promise.resolve();
  let claiming = claimNext();
  try {
    while (claiming) {
      const batch = await claiming;
      if (batch.claimed === 0) return false;
      claiming = claimNext();
      const results = await sendAll(ctx, batch.sends, options.concurrency);
      await recording;
      recording = recordSendOutcomes(ctx, results, ctx.now(), tally);
    }
    return true;
  } finally {
    await recording;
  }
}

export async function runCampaigns(
  ctx: RunnerContext,
  options: RunCampaignsOptions = {},
): Promise<RunCampaignsResponse> {
  const settings = { ...DEFAULTS, ...options };
  const startedAt = performance.now();
  const hasTime = () => performance.now() - startedAt < settings.budgetMs;
  const templateIds = getTemplateIds(ctx.env);
  const tally = createDispatchTally();
  const now = ctx.now();
  const sweptUnknown = await markExpiredSendsUnknown(ctx.db, now);
  const counts: PlanCounts = { entered: 0, exited: 0, planned: 0 };
  for (const row of await listActiveCampaignRows(ctx.db)) {
    if (!hasTime()) break;
    try {
      const campaign = { id: row.id, document: parseCampaignDocument(row.document), activatedAt: row.activatedAt };
      await planCampaign(ctx, campaign, now, templateIds, counts);
    } catch (error) {
      ctx.logger.error('campaign planning failed', { campaignId: row.id, error: String(error) });
    }
  }
  const catalogue = await listPublishedContent(ctx.db, now);
  const claim = () =>
    claimSends(
      ctx,
      {
        now: ctx.now(),
        limit: settings.batchSize,
        leaseMs: settings.leaseMs,
        templateIds,
        catalogue,
        caps: settings.caps ?? DEFAULT_FREQUENCY_CAPS,
      },
      tally,
    );
  const isBudgetExhausted = await dispatchBatches(ctx, { claim, hasTime, concurrency: settings.concurrency }, tally);
  const unknownSends = await listUnknownSends(ctx.db, 50);
  return {
    ...counts,
    sent: tally.sent,
    skipped: tally.skipped,
    deferred: tally.deferred,
    failed: tally.failed,
    unknown: tally.unknown + sweptUnknown,
    unknownSends: unknownSends.map((u) => ({ ...u, since: u.since.toISOString() })),
    isBudgetExhausted,
  };
}
