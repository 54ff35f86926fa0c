/**
 * The `message_sent` touchpoint of a campaign send (issue 13 "every send writes a message_sent
 * touchpoint through recordLeadSignals"). Its id is the outbox row's, so a replay writes nothing
 * twice. The default scoring model gives it no points: the institution's own sends do not raise a
 * lead's engagement, only the lead's reactions do.
 */
import type { Transaction } from '../../db/client.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';

export async function recordMessageSent(
  tx: Transaction,
  input: { outboxId: string; leadId: string; campaignId: string; templateId: string; channel: string; now: Date },
): Promise<void> {
  await recordLeadSignals(tx, {
    leadId: input.leadId,
    signals: [
      {
        id: input.outboxId,
        type: 'message_sent',
        occurredAt: input.now.toISOString(),
        channel: input.channel,
        campaignId: input.campaignId,
        props: { templateId: input.templateId, status: 'ok' },
      },
    ],
    now: input.now,
  });
}
