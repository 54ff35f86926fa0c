/**
 * Phone binding (issue 4 item 5): the code of a `getPhoneNumber` button → WeChat's
 * phonenumber.getPhoneNumber → the lead's phone, marked verified. Only after registration: the
 * consent must be on file before a phone number is stored (SPEC §4), so an unregistered lead gets
 * 403 `registration_required`. The reply carries the masked number only.
 */
import { type BindPhoneResponse, maskPhone, phoneSchema } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { findLeadById, type LeadRow, lockLead, updateLead } from '../../db/queries/leads.js';
import { AppError } from '../../http/app-error.js';
import { creditReferralIfReal } from '../leads/credit-referral.js';
import { assertLiveLead } from '../leads/lead-guards.js';
import { resolveLeadIdentity } from '../leads/resolve-lead-identity.js';
import { mapWechatError } from './map-wechat-error.js';

/** 40029 here is a stale or forged phone code, not a login code (phonenumber.getPhoneNumber). */
const PHONE_USER_MESSAGES = { 40029: '手机号授权已失效，请重试' };

function checkCanBind(lead: LeadRow | null, leadId: string): asserts lead is LeadRow {
  assertLiveLead(lead, leadId);
  if (!lead.consentAgreedAt)
    throw new AppError('registration_required', 'Register with consent before binding a phone');
}

export async function bindPhone(
  ctx: Pick<AppContext, 'db' | 'now' | 'wechat'>,
  options: { leadId: string; code: string },
): Promise<BindPhoneResponse> {
  const { leadId } = options;
  // Checked before the WeChat call too, so a refused request spends no WeChat quota.
  checkCanBind(await findLeadById(ctx.db, leadId), leadId);
  const info = await ctx.wechat.getPhoneNumber(options.code).catch((error: unknown) => {
    throw mapWechatError(error, PHONE_USER_MESSAGES);
  });
  // WeChat answers any country; the lead's phone is a mainland mobile number (SPEC §4, leads.phone).
  const phone = phoneSchema.safeParse(info.purePhoneNumber);
  if (info.countryCode !== '86' || !phone.success) {
    throw new AppError('bad_request', `Phone +${info.countryCode} is not a mainland mobile number`, {
      userMessage: '暂只支持中国大陆手机号',
    });
  }
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    // Checked again under the row lock: the lead may have been erased during the WeChat call.
    checkCanBind((await lockLead(tx, leadId))?.lead ?? null, leadId);
    await updateLead(tx, leadId, { phone: phone.data, phoneVerifiedAt: now, updatedAt: now });
    // A verified number may claim an offline lead, and makes a referral count (ADR 010, issue 8 item 11).
    await resolveLeadIdentity(tx, { leadId, cause: 'phone_binding', now });
    await creditReferralIfReal(tx, { leadId, now });
  });
  return { phoneMasked: maskPhone(phone.data) };
}
