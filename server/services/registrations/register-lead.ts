/**
 * Registration (issue 4 item 7): the prospect gives contact and profile with consent (SPEC §4
 * "consent is recorded before personal data is stored": the consent is validated by the contract
 * and written in the same statement as the data). Registering again updates the profile; the
 * `registration` touchpoint is recorded once. A valid referrer (another, existing lead) is noted
 * on the lead; its `referral_signup` touchpoint waits until this lead is real (a verified phone or
 * a booking, services/leads/credit-referral.ts, issue 8 item 11). Any other referrer id is
 * ignored, so a share link can never be used to probe or touch someone's lead. The phone is then
 * resolved against other leads with the same number (SPEC §4 "one person, one lead", ADR 010).
 */
import { randomUUID } from 'node:crypto';
import type { CreateRegistrationRequest, CreateRegistrationResponse, LeadProfile, TouchpointEvent } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { type CampusRow, findCampus, findCourse } from '../../db/queries/catalog.js';
import { type LeadRow, lockLead, updateLead } from '../../db/queries/leads.js';
import { AppError } from '../../http/app-error.js';
import { findFirstChannel } from '../channels/attribute-channels.js';
import { creditReferralIfReal } from '../leads/credit-referral.js';
import { toLeadProfile } from '../leads/lead-domain-state.js';
import { assertLiveLead, isLiveLead } from '../leads/lead-guards.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import { resolveLeadIdentity } from '../leads/resolve-lead-identity.js';
import { toLeadView } from '../leads/to-lead-view.js';

/** A device clock may run a little fast; a consent dated further ahead than this is not believed. */
const CONSENT_CLOCK_SKEW_MS = 10 * 60_000;

export interface RegisterLeadResult {
  /** The first registration of this lead (201); `false` when it updated an earlier one (200). */
  isFirst: boolean;
  response: CreateRegistrationResponse;
}

/** A chosen campus means the prospect can reach it; a different city than the campus's is regional. */
function toCampusReach(campus: CampusRow, city: string | undefined): LeadProfile['campusReach'] {
  return city === undefined || campus.city === city ? 'local' : 'regional';
}

export async function registerLead(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { leadId: string; registration: CreateRegistrationRequest },
): Promise<RegisterLeadResult> {
  const { leadId, registration: r } = options;
  const now = ctx.now();
  if (Date.parse(r.consent.agreedAt) > now.getTime() + CONSENT_CLOCK_SKEW_MS) {
    throw new AppError('validation_failed', 'consent.agreedAt: lies in the future', {
      userMessage: '同意隐私政策的时间无效，请重新勾选',
    });
  }
  return ctx.db.transaction(async (tx) => {
    // Both rows are locked in id order, so two prospects naming each other cannot deadlock.
    const candidate = r.referrerLeadId && r.referrerLeadId !== leadId ? r.referrerLeadId : null;
    const rows = new Map<string, LeadRow>();
    for (const id of [leadId, candidate].filter((id) => id !== null).sort()) {
      const locked = await lockLead(tx, id);
      if (locked) rows.set(id, locked.lead);
    }
    const before = rows.get(leadId);
    assertLiveLead(before, leadId);
    const [campus, course] = await Promise.all([findCampus(tx, r.campusId), findCourse(tx, r.courseId)]);
    if (!campus) throw new AppError('validation_failed', 'campusId: unknown campus', { userMessage: '所选校区不存在' });
    if (!course) throw new AppError('validation_failed', 'courseId: unknown course', { userMessage: '所选课程不存在' });

    const isFirst = before.consentAgreedAt === null;
    // A channel code (渠道码) names the source as its kind, and its campaign (ADR 020).
    const channel = before.source
      ? null
      : await findFirstChannel(tx, { sourceChannelId: before.sourceChannelId, channel: r.channel });
    // Only the first referral counts: a lead is referred once, by an existing lead not erased.
    const referrer = candidate && !before.referrerLeadId ? rows.get(candidate) : undefined;
    const referrerId = referrer && isLiveLead(referrer) ? referrer.id : null;
    await updateLead(tx, leadId, {
      name: r.name,
      phone: r.phone,
      // A number WeChat verified stays verified only while it is the one on file.
      phoneVerifiedAt: before.phone === r.phone ? before.phoneVerifiedAt : null,
      consentPolicyVersion: r.consent.policyVersion,
      consentAgreedAt: new Date(r.consent.agreedAt),
      campusId: campus.id,
      ...(referrerId ? { referrerLeadId: referrerId } : {}),
      // First-touch attribution: kept from the first time it was known (SPEC §2.6).
      ...(before.source
        ? {}
        : {
            source: channel?.kind ?? r.channel ?? 'mini_program',
            sourceCampaignId: r.campaignId ?? channel?.campaignId ?? null,
            sourceChannelId: channel?.id ?? null,
          }),
      updatedAt: now,
    });
    await resolveLeadIdentity(tx, { leadId, cause: 'registration', now });
    const profile: LeadProfile = {
      ...toLeadProfile(before),
      role: r.role,
      gradeBand: r.grade,
      timeline: r.timeline,
      campusId: campus.id,
      campusReach: toCampusReach(campus, r.city),
      courseInterest: course.id,
      city: r.city ?? campus.city,
    };
    const signals: TouchpointEvent[] = isFirst
      ? [
          {
            id: randomUUID(),
            type: 'registration',
            occurredAt: now.toISOString(),
            channel: r.channel,
            campaignId: r.campaignId,
            props: referrerId ? { referrerLeadId: referrerId } : {},
          },
        ]
      : [];
    // The lead's stages and score move with the profile and the signal, in this transaction.
    const { lead } = await recordLeadSignals(tx, { leadId, signals, profile, now });
    await creditReferralIfReal(tx, { leadId, now });
    return { isFirst, response: { lead: toLeadView(lead) } };
  });
}
