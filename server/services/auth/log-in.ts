/**
 * Login (issue 4 item 5): a `wx.login` code → code2Session → the prospect's lead (created on the
 * first login as `awareness` / `unaware`) → a session token.
 */
import { createLeadState, type LoginResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { findOrCreateLeadByOpenid } from '../../db/queries/leads.js';
import { getActiveScoringModel } from '../leads/record-lead-signals.js';
import { toLeadView } from '../leads/to-lead-view.js';
import { mapWechatError } from './map-wechat-error.js';
import { signSessionToken } from './session-token.js';

export async function logIn(ctx: AppContext, options: { code: string }): Promise<LoginResponse> {
  const session = await ctx.wechat.code2Session(options.code).catch((error: unknown) => {
    throw mapWechatError(error);
  });
  const now = ctx.now();
  const lead = await ctx.db.transaction(async (tx) => {
    const model = await getActiveScoringModel(tx);
    const { state, transition } = createLeadState({ at: now.toISOString(), model, source: 'wechat_login' });
    const { lead } = await findOrCreateLeadByOpenid(tx, {
      lead: {
        openid: session.openid,
        unionid: session.unionid ?? null,
        lifecycleStage: state.lifecycle.stage,
        lifecycleStageAt: now,
        lifecycleArrivals: state.lifecycle.arrivals as Record<string, number>,
        journeyStage: state.journey.stage,
        journeyStageAt: now,
        journeyState: { state: state.journey.state, arrivals: state.journey.arrivals },
        scoreState: state.score,
        scoringModelVersion: model.version,
        createdAt: now,
        updatedAt: now,
      },
      firstTransition: {
        model: 'lifecycle',
        fromStage: null,
        toStage: transition.to,
        ordinal: transition.ordinal,
        cause: { ruleId: transition.ruleId, label: transition.label, ...transition.cause },
        at: now,
      },
    });
    return lead;
  });
  const { token, expiresAt } = await signSessionToken(ctx.env.AUTH_SECRET, { subject: lead.id, role: 'prospect' }, now);
  return { token, expiresAt: expiresAt.toISOString(), lead: toLeadView(lead, now) };
}
