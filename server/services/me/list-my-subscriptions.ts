/** `GET /api/me/subscriptions`: the prospect's subscribe-message grants (SPEC §2.5). */
import type { ListMySubscriptionsResponse, MySubscription } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { listLeadSubscriptions, type SubscriptionRow } from '../../db/queries/subscriptions.js';
import { readOfLiveLead } from '../leads/lead-guards.js';

export function toMySubscription(row: SubscriptionRow): MySubscription {
  return {
    templateId: row.templateId,
    granted: row.grantedCount,
    spent: row.spentCount,
    remaining: row.grantedCount - row.spentCount,
    lastGrantedAt: row.lastGrantedAt?.toISOString() ?? null,
    lastRejectedAt: row.lastRejectedAt?.toISOString() ?? null,
  };
}

export async function listMySubscriptions(
  ctx: Pick<AppContext, 'db'>,
  options: { leadId: string },
): Promise<ListMySubscriptionsResponse> {
  const { data: rows } = await readOfLiveLead(ctx.db, options.leadId, listLeadSubscriptions);
  return { subscriptions: rows.map(toMySubscription) };
}
