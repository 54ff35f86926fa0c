/** In-app messages (站内消息) of a prospect (issue 13): list, unread count, open. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { leadMessages, messageOutbox } from '../schema/index.js';

type Db = Database | Transaction;
export type LeadMessageRow = typeof leadMessages.$inferSelect;

export function listLeadMessages(db: Db, leadId: string, limit: number): Promise<LeadMessageRow[]> {
  return db
    .select()
    .from(leadMessages)
    .where(eq(leadMessages.leadId, leadId))
    .orderBy(desc(leadMessages.createdAt), desc(leadMessages.id))
    .limit(limit);
}

export async function countUnreadLeadMessages(db: Db, leadId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(leadMessages)
    .where(and(eq(leadMessages.leadId, leadId), isNull(leadMessages.readAt)));
  return Number(row?.n ?? 0);
}

/** The lead's own message, locked; null when it is not theirs or does not exist. */
export async function lockLeadMessage(tx: Transaction, leadId: string, id: string): Promise<LeadMessageRow | null> {
  const [row] = await tx
    .select()
    .from(leadMessages)
    .where(and(eq(leadMessages.id, id), eq(leadMessages.leadId, leadId)))
    .for('update');
  return row ?? null;
}

export async function markLeadMessageRead(tx: Transaction, id: string, at: Date): Promise<LeadMessageRow | null> {
  const [row] = await tx.update(leadMessages).set({ readAt: at }).where(eq(leadMessages.id, id)).returning();
  return row ?? null;
}

export async function findOutboxTemplateId(db: Db, outboxId: string): Promise<string | null> {
  const [row] = await db
    .select({ templateId: messageOutbox.templateId })
    .from(messageOutbox)
    .where(eq(messageOutbox.id, outboxId));
  return row?.templateId ?? null;
}
