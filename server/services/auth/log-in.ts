/**
 * Login (issue 4 item 5): a `wx.login` code → code2Session → the prospect's lead (created on the
 * first login as `awareness` / `unaware`) → a session token.
 */
import type { LoginResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { findOrCreateLeadByOpenid } from '../../db/queries/leads.js';
import { enforceRateLimit } from '../../http/rate-limit.js';
import { toNewLead } from '../leads/lead-domain-state.js';
import { getActiveScoringModel } from '../leads/record-lead-signals.js';
import { toLeadView } from '../leads/to-lead-view.js';
import { findStaffSession } from '../staff/staff-session.js';
import { mapWechatError } from './map-wechat-error.js';
import { signSessionToken } from './session-token.js';

export async function logIn(ctx: AppContext, options: { code: string }): Promise<LoginResponse> {
  const session = await ctx.wechat.code2Session(options.code).catch((error: unknown) => {
    throw mapWechatError(error);
  });
  // Per WeChat user, now that code2session has proved who it is (issue 8 item 3): an app launch
  // logs in once; ten a minute leaves room for retries and several devices.
  await enforceRateLimit(ctx, { key: `login:openid:${session.openid}`, limit: 10, windowMs: 60_000 });
  const now = ctx.now();
  const lead = await ctx.db.transaction(async (tx) => {
    const model = await getActiveScoringModel(tx);
    const fresh = toNewLead({ openid: session.openid, at: now, model, source: 'wechat_login' });
    const { lead } = await findOrCreateLeadByOpenid(tx, {
      ...fresh,
      lead: { ...fresh.lead, unionid: session.unionid ?? null },
    });
    return lead;
  });
  const { token, expiresAt } = await signSessionToken(ctx.env.AUTH_SECRET, { subject: lead.id, role: 'prospect' }, now);
  // Staff sign in the same way; their staff token comes alongside (issue 9 §1).
  const staff = await findStaffSession(ctx, session.openid, now);
  return { token, expiresAt: expiresAt.toISOString(), lead: toLeadView(lead), staff };
}
