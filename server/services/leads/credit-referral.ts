/**
 * A referral counts once the referred lead is real (SPEC §2.1, issue 8 item 11): the referrer's
 * `referral_signup` touchpoint is recorded when the lead it referred has a phone WeChat verified
 * or a trial booking (the rule in shared/lead/referral.ts), not at a registration anyone can type.
 * Its id is derived from the referred lead, so whichever event makes the lead real first, the
 * referral is recorded once; the scoring model's window cap bounds what referrals can add.
 * Runs in the caller's transaction, which holds the referred lead's row lock.
 */
import { isReferralCounted } from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import { findLeadById } from '../../db/queries/leads.js';
import { listLeadTouchpointIds } from '../../db/queries/touchpoints.js';
import { hasUncancelledBooking } from '../../db/queries/trials.js';
import { deriveEventId } from './derived-event-id.js';
import { isLiveLead, isRegisteredLead } from './lead-guards.js';
import { recordLeadSignals } from './record-lead-signals.js';

/** Records the referral of `leadId` on its referrer if it now counts; returns whether it did now. */
export async function creditReferralIfReal(tx: Transaction, options: { leadId: string; now: Date }): Promise<boolean> {
  const lead = await findLeadById(tx, options.leadId);
  if (!lead?.referrerLeadId || !isLiveLead(lead)) return false;
  const credit = isReferralCounted({
    isRegistered: isRegisteredLead(lead),
    isPhoneVerified: lead.phoneVerifiedAt !== null,
    hasBookedTrial: await hasUncancelledBooking(tx, lead.id),
  });
  if (!credit.isCounted) return false;
  const referrer = await findLeadById(tx, lead.referrerLeadId);
  const id = deriveEventId('referral_signup', lead.id);
  // Checked first so that crediting again does not touch the referrer's row at all.
  if (!referrer || !isLiveLead(referrer) || (await listLeadTouchpointIds(tx, referrer.id, [id])).size > 0) return false;
  await recordLeadSignals(tx, {
    leadId: referrer.id,
    signals: [
      {
        id,
        type: 'referral_signup',
        occurredAt: options.now.toISOString(),
        referrer: lead.id,
        props: { referrerLeadId: referrer.id },
      },
    ],
    now: options.now,
  });
  return true;
}
