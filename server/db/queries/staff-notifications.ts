/**
 * Delivering "new lead" notifications to advisors (issue 9 §2). One pending row is taken at a
 * time with `FOR UPDATE SKIP LOCKED`, so overlapping deliveries (after an action, in the SLA
 * cron) never send one notification twice. A grant is spent with the conditional UPDATE of
 * db/queries/subscriptions.ts's rule (`spent_count < granted_count`): an advisor's grants are
 * counted on their own lead, the prospect record their openid also has.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../client.js';
import { advisors, leads, staffNotifications, subscriptions } from '../schema/index.js';

export async function lockNextPendingNotification(tx: Transaction) {
  const [row] = await tx
    .select({
      id: staffNotifications.id,
      templateId: staffNotifications.templateId,
      leadId: staffNotifications.leadId,
      staffOpenid: advisors.openid,
      isStaffActive: advisors.isActive,
      leadName: leads.name,
      leadSource: leads.source,
      slaDueAt: leads.slaDueAt,
    })
    .from(staffNotifications)
    .innerJoin(advisors, eq(advisors.id, staffNotifications.staffId))
    .innerJoin(leads, eq(leads.id, staffNotifications.leadId))
    .where(eq(staffNotifications.status, 'pending'))
    .orderBy(asc(staffNotifications.createdAt))
    .limit(1)
    .for('update', { of: staffNotifications, skipLocked: true });
  return row ?? null;
}

/** Spends one of the openid's grants for the template; `false` when none is left. */
export async function spendGrantOfOpenid(tx: Transaction, openid: string, templateId: string, now: Date) {
  const spent = await tx
    .update(subscriptions)
    .set({ spentCount: sql`${subscriptions.spentCount} + 1`, lastSpentAt: now, updatedAt: now })
    .where(
      and(
        eq(subscriptions.templateId, templateId),
        sql`${subscriptions.leadId} = (select ${leads.id} from ${leads} where ${leads.openid} = ${openid})`,
        sql`${subscriptions.spentCount} < ${subscriptions.grantedCount}`,
      ),
    )
    .returning({ leadId: subscriptions.leadId });
  return spent.length === 1;
}

export async function finishNotification(
  tx: Transaction,
  id: string,
  outcome: { status: 'sent' | 'skipped' | 'failed'; errcode?: number; at: Date },
): Promise<void> {
  await tx
    .update(staffNotifications)
    .set({
      status: outcome.status,
      errcode: outcome.errcode ?? null,
      sentAt: outcome.status === 'sent' ? outcome.at : null,
    })
    .where(eq(staffNotifications.id, id));
}
