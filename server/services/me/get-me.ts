/** `GET /api/me`: the prospect's own lead, with both stages and the explained score. */
import type { GetMeResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { findLeadById } from '../../db/queries/leads.js';
import { assertLiveLead } from '../leads/lead-guards.js';
import { getActiveScoringModel } from '../leads/record-lead-signals.js';
import { toLeadView } from '../leads/to-lead-view.js';

export async function getMe(ctx: Pick<AppContext, 'db' | 'now'>, options: { leadId: string }): Promise<GetMeResponse> {
  return ctx.db.transaction(async (tx) => {
    const lead = await findLeadById(tx, options.leadId);
    assertLiveLead(lead, options.leadId);
    return { lead: toLeadView(lead, ctx.now(), await getActiveScoringModel(tx)) };
  });
}
