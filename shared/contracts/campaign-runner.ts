/** `GET|POST /api/cron/campaigns` (Vercel Cron, issue 13 §2): what one run of the campaign runner did. */
import { z } from 'zod';
import { isoDateTimeSchema } from '../fields.js';

const countsSchema = z.record(z.string(), z.number().int());

/** A send whose outcome is unknown (a crash or a dropped connection while sending): never retried. */
export const unknownSendSchema = z.object({
  outboxId: z.uuid(),
  campaignId: z.string(),
  stepId: z.string(),
  leadId: z.uuid(),
  since: isoDateTimeSchema,
  reason: z.string().nullable(),
});
export type UnknownSend = z.infer<typeof unknownSendSchema>;

export const runCampaignsResponseSchema = z.object({
  /** Leads that entered a campaign and left one in this run. */
  entered: z.number().int(),
  exited: z.number().int(),
  /** Outbox rows planned (new only: planning twice plans nothing). */
  planned: z.number().int(),
  /** Sent by channel: subscribe messages accepted by WeChat, in-app messages written. */
  sent: z.object({ subscribeMessage: z.number().int(), inAppMessage: z.number().int() }),
  /** Skipped for good, by reason (`unsubscribed`, `expired`, `render_refused`, …). */
  skipped: countsSchema,
  /** Put back for later, by reason (`send_window`, `daily_cap`, `retry_later`, …). */
  deferred: countsSchema,
  /** Failed for good, by WeChat errcode or reason. */
  failed: countsSchema,
  /** Sends found `sending` past their lease in this run, now `unknown`. */
  unknown: z.number().int(),
  /** Every send whose outcome is unknown (most recent first, at most 50): a person checks them. */
  unknownSends: z.array(unknownSendSchema),
  /** The run stopped before its time budget ran out with work left; the next run continues. */
  isBudgetExhausted: z.boolean(),
});
export type RunCampaignsResponse = z.infer<typeof runCampaignsResponseSchema>;
