/** `GET /api/me/export`: everything stored about the prospect (SPEC §4 "export their data"). */
import type { ExportMyDataResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { listLeadBookingRows, listLeadTransitionRows } from '../../db/queries/lead-history.js';
import { findLeadById } from '../../db/queries/leads.js';
import { listLeadSubscriptions } from '../../db/queries/subscriptions.js';
import { listLeadTouchpoints } from '../../db/queries/touchpoints.js';
import { assertLiveLead } from '../leads/lead-guards.js';
import { getActiveScoringModel } from '../leads/record-lead-signals.js';
import { toLeadView } from '../leads/to-lead-view.js';
import { toMySubscription } from './list-my-subscriptions.js';

export async function exportMyData(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { leadId: string },
): Promise<ExportMyDataResponse> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const lead = await findLeadById(tx, options.leadId);
    assertLiveLead(lead, options.leadId);
    const [touchpoints, bookings, transitions, subscriptions, model] = await Promise.all([
      listLeadTouchpoints(tx, lead.id),
      listLeadBookingRows(tx, lead.id),
      listLeadTransitionRows(tx, lead.id),
      listLeadSubscriptions(tx, lead.id),
      getActiveScoringModel(tx),
    ]);
    return {
      exportedAt: now.toISOString(),
      lead: {
        ...toLeadView(lead, now, model),
        phone: lead.phone,
        consent: { policyVersion: lead.consentPolicyVersion, agreedAt: lead.consentAgreedAt?.toISOString() ?? null },
      },
      touchpoints: touchpoints.map((t) => ({
        id: t.id,
        type: t.type,
        occurredAt: t.occurredAt.toISOString(),
        props: t.props,
      })),
      bookings: bookings.map((b) => ({ id: b.id, sessionId: b.sessionId, status: b.status })),
      stageTransitions: transitions.map((t) => ({
        model: t.model,
        from: t.fromStage,
        to: t.toStage,
        ordinal: t.ordinal,
        at: t.at.toISOString(),
      })),
      subscriptions: subscriptions.map(toMySubscription),
    };
  });
}
