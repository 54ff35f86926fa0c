/** `GET /api/me`: the prospect's own lead, with both stages and the explained score. */
import type { GetMeResponse } from '@scrm/shared';
import type { AppContext } from '../../context';
import { findLeadById } from '../../db/queries/leads';
import { AppError } from '../../http/app-error';
import { getActiveScoringModel } from '../leads/record-lead-signals';
import { toLeadView } from '../leads/to-lead-view';

export async function getMe(ctx: Pick<AppContext, 'db' | 'now'>, options: { leadId: string }): Promise<GetMeResponse> {
  return ctx.db.transaction(async (tx) => {
    const lead = await findLeadById(tx, options.leadId);
    // An erased lead's token may still be valid for a while: it no longer opens anything.
    if (!lead || lead.erasedAt)
      throw new AppError('unauthenticated', 'Lead no longer exists', { userMessage: '请重新登录' });
    return { lead: toLeadView(lead, ctx.now(), await getActiveScoringModel(tx)) };
  });
}
