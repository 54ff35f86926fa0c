/**
 * The prospect's in-app messages (站内消息, issue 13): the list with the unread count (the dot on
 * the Me tab), and opening one, which records a `message_clicked` touchpoint attributed to its
 * campaign (its id is the message's, so opening twice counts once).
 */
import type { ListMyMessagesResponse, ReadMyMessageResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import {
  countUnreadLeadMessages,
  findOutboxTemplateId,
  type LeadMessageRow,
  listLeadMessages,
  lockLeadMessage,
  markLeadMessageRead,
} from '../../db/queries/lead-messages.js';
import { AppError } from '../../http/app-error.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';

const toView = (row: LeadMessageRow) => ({
  id: row.id,
  title: row.title,
  body: row.body,
  page: row.page,
  campaignId: row.campaignId,
  stepId: row.stepId,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

export async function listMyMessages(ctx: AppContext, options: { leadId: string }): Promise<ListMyMessagesResponse> {
  const rows = await listLeadMessages(ctx.db, options.leadId, 50);
  return { messages: rows.map(toView), unreadCount: await countUnreadLeadMessages(ctx.db, options.leadId) };
}

export async function readMyMessage(
  ctx: AppContext,
  options: { leadId: string; messageId: string },
): Promise<ReadMyMessageResponse> {
  const now = ctx.now();
  const message = await ctx.db.transaction(async (tx) => {
    const row = await lockLeadMessage(tx, options.leadId, options.messageId);
    if (!row) {
      throw new AppError('not_found', `Message ${options.messageId} not found`, { userMessage: '消息不存在或已删除' });
    }
    if (row.readAt) return row;
    const read = await markLeadMessageRead(tx, row.id, now);
    const templateId = row.outboxId ? await findOutboxTemplateId(tx, row.outboxId) : null;
    await recordLeadSignals(tx, {
      leadId: options.leadId,
      signals: [
        {
          id: row.id,
          type: 'message_clicked',
          occurredAt: now.toISOString(),
          channel: 'in_app_message',
          ...(row.campaignId ? { campaignId: row.campaignId } : {}),
          props: { messageId: row.id, ...(templateId ? { templateId } : {}) },
        },
      ],
      now,
    });
    return read ?? row;
  });
  return { message: toView(message), unreadCount: await countUnreadLeadMessages(ctx.db, options.leadId) };
}
