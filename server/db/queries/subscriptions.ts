/**
 * Subscribe-message grants (SPEC §2.5): counted per (lead, template) from the prospect's answers,
 * spent one per message by the campaign sender. The caller records an answer only for a
 * touchpoint it has just inserted, so a replayed event never counts twice.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { subscriptions } from '../schema/index.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;

export interface SubscriptionAnswer {
  templateId: string;
  accepted: boolean;
  at: Date;
}

/** Folds a batch's answers into one row per template, so a batch costs one statement per template. */
function tallyByTemplate(answers: readonly SubscriptionAnswer[]) {
  const tally = new Map<string, { granted: number; lastGrantedAt: Date | null; lastRejectedAt: Date | null }>();
  for (const a of answers) {
    const t = tally.get(a.templateId) ?? { granted: 0, lastGrantedAt: null, lastRejectedAt: null };
    if (a.accepted) {
      t.granted += 1;
      if (!t.lastGrantedAt || a.at > t.lastGrantedAt) t.lastGrantedAt = a.at;
    } else if (!t.lastRejectedAt || a.at > t.lastRejectedAt) {
      t.lastRejectedAt = a.at;
    }
    tally.set(a.templateId, t);
  }
  return tally;
}

/**
 * Adds accepted answers to the grants and notes the latest refusal. An upsert with
 * `granted_count = granted_count + n`, so concurrent batches of one lead both count.
 */
export async function recordSubscriptionAnswers(
  tx: Transaction,
  leadId: string,
  answers: readonly SubscriptionAnswer[],
  now: Date,
): Promise<void> {
  // Template order keeps the row locks of two concurrent batches in one order (no deadlock).
  const tally = [...tallyByTemplate(answers)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [templateId, t] of tally) {
    await tx
      .insert(subscriptions)
      .values({
        leadId,
        templateId,
        grantedCount: t.granted,
        lastGrantedAt: t.lastGrantedAt,
        lastRejectedAt: t.lastRejectedAt,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [subscriptions.leadId, subscriptions.templateId],
        set: {
          grantedCount: sql`${subscriptions.grantedCount} + excluded.granted_count`,
          // A late-arriving older answer must not move "last" backwards.
          lastGrantedAt: sql`greatest(${subscriptions.lastGrantedAt}, excluded.last_granted_at)`,
          lastRejectedAt: sql`greatest(${subscriptions.lastRejectedAt}, excluded.last_rejected_at)`,
          updatedAt: now,
        },
      });
  }
}

export function listLeadSubscriptions(db: Database | Transaction, leadId: string): Promise<SubscriptionRow[]> {
  return db.select().from(subscriptions).where(eq(subscriptions.leadId, leadId)).orderBy(asc(subscriptions.templateId));
}
