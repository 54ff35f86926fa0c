/**
 * `DELETE /api/me` (SPEC §4 "a prospect can delete their data"): personal fields are cleared and
 * the openid released (a later login starts a new, empty lead); touchpoints and stage history
 * stay for anonymous counts, attached to a row that no longer says who it was. Active bookings are
 * cancelled so their seats return to others; subscription grants and personalised message bodies
 * are dropped.
 */
import type { DeleteMeResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { cancelActiveBookingsOfLead, forgetLeadMessaging } from '../../db/queries/lead-history.js';
import { lockLead, updateLead } from '../../db/queries/leads.js';
import { assertLiveLead } from '../leads/lead-guards.js';

export async function eraseMe(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { leadId: string },
): Promise<DeleteMeResponse> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const locked = await lockLead(tx, options.leadId);
    assertLiveLead(locked?.lead, options.leadId);
    await cancelActiveBookingsOfLead(tx, options.leadId, now);
    await forgetLeadMessaging(tx, options.leadId, now);
    await updateLead(tx, options.leadId, {
      openid: null,
      unionid: null,
      name: null,
      phone: null,
      phoneVerifiedAt: null,
      city: null,
      campusReach: 'unknown',
      courseInterest: null,
      role: 'unknown',
      gradeBand: 'unknown',
      budgetBand: 'unknown',
      timeline: 'unknown',
      decisionMaker: 'unknown',
      need: 'unknown',
      referrerLeadId: null,
      erasedAt: now,
      updatedAt: now,
    });
  });
  return { erasedAt: now.toISOString() };
}
