/** `GET /api/me`: the prospect's own lead, as the prospect sees it (no score or stages, SPEC §4). */
import type { GetMeResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { findLeadById } from '../../db/queries/leads.js';
import { assertLiveLead } from '../leads/lead-guards.js';
import { toLeadView } from '../leads/to-lead-view.js';

export async function getMe(ctx: Pick<AppContext, 'db'>, options: { leadId: string }): Promise<GetMeResponse> {
  const lead = await findLeadById(ctx.db, options.leadId);
  assertLiveLead(lead, options.leadId);
  return { lead: toLeadView(lead) };
}
