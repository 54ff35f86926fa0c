/** `GET /api/me`: the prospect's own lead, with both stages and the explained score. */
import type { GetMeResponse } from '@scrm/shared';
import type { AppContext } from '../../context';
import { findLeadById } from '../../db/queries/leads';
import { assertLiveLead } from '../leads/lead-guards';
import { getActiveScoringModel } from '../leads/record-lead-signals';
import { toLeadView } from '../leads/to-lead-view';

export async function getMe(ctx: Pick<AppContext, 'db' | 'now'>, options: { leadId: string }): Promise<GetMeResponse> {
  return ctx.db.transaction(async (tx) => {
    const lead = await findLeadById(tx, options.leadId);
    assertLiveLead(lead, options.leadId);
    return { lead: toLeadView(lead, ctx.now(), await getActiveScoringModel(tx)) };
  });
}
