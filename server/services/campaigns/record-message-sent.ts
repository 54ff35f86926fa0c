/**
 * The `message_sent` touchpoints of campaign sends (issue 13 "every send writes a message_sent
 * touchpoint through recordLeadSignals"), a batch's at once through `recordLeadSignalsBatch`,
 * which applies the same rules. Each id is its outbox row's, so a replay writes nothing twice.
 * The default scoring model gives it no points: the institution's own sends do not raise a lead's
 * engagement, only the lead's reactions do. A lead erased since the claim gets no touchpoint.
 */
import type { ScoringSignal } from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import { recordLeadSignalsBatch } from '../leads/record-lead-signals-batch.js';

export interface MessageSent {
  outboxId: string;
  leadId: string;
  campaignId: string;
  templateId: string;
  channel: string;
}

export async function recordMessagesSent(tx: Transaction, sends: readonly MessageSent[], now: Date): Promise<void> {
  if (sends.length === 0) return;
  await recordLeadSignalsBatch(tx, {
    items: sends.map((send) => ({
      leadId: send.leadId,
      signals: [
        {
          id: send.outboxId,
          type: 'message_sent',
          occurredAt: now.toISOString(),
          channel: send.channel,
          campaignId: send.campaignId,
          props: { templateId: send.templateId, status: 'ok' },
        } satisfies ScoringSignal,
      ],
    })),
    now,
  });
}
