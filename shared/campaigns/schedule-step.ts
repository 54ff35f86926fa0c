/**
 * When a campaign step goes to a lead (SPEC §2.5 "steps with delays, fixed send hours and quiet
 * hours, per-lead frequency caps, a time-box per track, exit when the lead converts"). Two
 * decisions, both pure: `scheduleStepSend` when the runner plans (is the step due, and for when),
 * `checkStepDispatch` when it has claimed the planned send (is it still wanted, may it go now).
 * The runner's planning SQL must agree with `scheduleStepSend` and is property-tested against it.
 */
import { matchesAudience } from './audience.js';
import type { CampaignDocument } from './campaign-document.js';
import type { CampaignStep } from './campaign-step.js';
import { checkFrequencyCap, type FrequencyCaps, type SendCountsByDay } from './frequency-cap.js';
import type { CampaignLeadFacts } from './lead-facts.js';
import type { CampaignChannel } from './page-link.js';
import type { CampaignExitReason, StepDeferReason, StepSkipReason, StepWaitReason } from './reasons.js';
import { isWithinSendWindow, nextSendTime } from './send-window.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** When a lead entered a campaign triggered by an event: that event's time (`null`: not yet). */
export function getEventEntryTime(campaign: CampaignDocument, lead: CampaignLeadFacts): Date | null {
  if (campaign.entry.kind !== 'event') return null;
  switch (campaign.entry.event) {
    case 'registered':
      return lead.registeredAt;
    case 'trial_booked':
      return lead.trial?.bookedAt ?? null;
    case 'enrolled':
      return lead.enrolledAt;
    default: {
      const never: never = campaign.entry.event;
      return never;
    }
  }
}

/** When the step is due for the lead: its anchor plus the offset, or `null` without the anchor. */
export function getStepDueAt(step: CampaignStep, lead: CampaignLeadFacts, enteredAt: Date): Date | null {
  const anchors: Record<CampaignStep['timing']['anchor'], Date | null> = {
    entry: enteredAt,
    registered: lead.registeredAt,
    trial_start: lead.trial?.startsAt ?? null,
    journey_stage_entered: lead.journeyStageAt,
    lifecycle_stage_entered: lead.lifecycleStageAt,
    enrolled: lead.enrolledAt,
  };
  const anchor = anchors[step.timing.anchor];
  return anchor ? new Date(anchor.getTime() + step.timing.offsetMinutes * MINUTE_MS) : null;
}

/**
 * The outbox's step key (unique with campaign and lead, SPEC §2.5 "at most once per (campaign,
 * step, lead)"). A step about a booking is keyed by the booking too, so a lead who books again
 * after a no-show gets a reminder for the new class, still once per booking.
 */
export function getStepOccurrenceKey(campaign: CampaignDocument, step: CampaignStep, lead: CampaignLeadFacts): string {
  const isAboutBooking =
    step.timing.anchor === 'trial_start' ||
    (step.timing.anchor === 'entry' && campaign.entry.kind === 'event' && campaign.entry.event === 'trial_booked');
  return isAboutBooking && lead.trial ? `${step.id}@${lead.trial.bookingId}` : step.id;
}

/**
 * Why the lead leaves the campaign now, or `null` (SPEC §2.5, issue 13): erased data and an
 * `unsubscribe` end every campaign; enrolment and an advisor's ownership as the campaign's exit
 * rules say; its own exit condition; its per-lead time-box.
 */
export function findCampaignExit(input: {
  campaign: CampaignDocument;
  lead: CampaignLeadFacts;
  enteredAt: Date;
  now: Date;
}): CampaignExitReason | null {
  const { campaign, lead, now } = input;
  const { exit } = campaign;
  if (lead.erasedAt) return 'erased';
  if (lead.unsubscribedAt) return 'unsubscribed';
  if (exit.onEnrolment && lead.enrolledAt) return 'enrolled';
  if (exit.onAdvisor === 'accepted' && lead.ownerAdvisorId && lead.ownerAcceptedAt) return 'advisor_owned';
  if (exit.onAdvisor === 'assigned' && lead.ownerAdvisorId) return 'advisor_owned';
  if (exit.when && matchesAudience(lead, exit.when, now)) return 'exit_condition';
  const maxDays = campaign.timeBox.maxDaysPerLead;
  if (maxDays !== undefined && now.getTime() >= input.enteredAt.getTime() + maxDays * DAY_MS) return 'lead_time_box';
  return null;
}

export interface StepSendInput {
  campaign: CampaignDocument;
  step: CampaignStep;
  lead: CampaignLeadFacts;
  enteredAt: Date;
  now: Date;
}

export type StepSchedule =
  | { kind: 'plan'; dueAt: Date; sendAt: Date }
  | { kind: 'wait'; reason: StepWaitReason }
  | { kind: 'skip'; reason: StepSkipReason };

/** The latest instant the step may still go out, and the campaign's end, whichever is first. */
function getDeadline(input: StepSendInput, dueAt: Date): { at: number; reason: StepSkipReason } {
  const { campaign, step } = input;
  const expiry = dueAt.getTime() + step.expiresAfterMinutes * MINUTE_MS;
  const candidates: { at: number; reason: StepSkipReason }[] = [{ at: expiry, reason: 'expired' }];
  if (campaign.timeBox.endsAt) candidates.push({ at: Date.parse(campaign.timeBox.endsAt), reason: 'campaign_ended' });
  const maxDays = campaign.timeBox.maxDaysPerLead;
  if (maxDays !== undefined)
    candidates.push({ at: input.enteredAt.getTime() + maxDays * DAY_MS, reason: 'lead_time_box' });
  return candidates.reduce((a, b) => (b.at < a.at ? b : a));
}

/**
 * Whether the runner plans the step for the lead now (SPEC §2.5), and for when: `plan` once it is
 * due and wanted, at the first minute the send window allows; `wait` while it is not due (or its
 * anchor or condition is not there yet); `skip` when it can never be sent (the lead left, or the
 * first allowed minute is past the step's expiry, the campaign's end or the lead's time-box).
 */
export function scheduleStepSend(input: StepSendInput): StepSchedule {
  const { campaign, step, lead, now } = input;
  const exit = findCampaignExit(input);
  if (exit) return { kind: 'skip', reason: exit };
  const dueAt = getStepDueAt(step, lead, input.enteredAt);
  if (!dueAt) return { kind: 'wait', reason: 'anchor_missing' };
  if (dueAt > now) return { kind: 'wait', reason: 'not_due' };
  if (step.when && !matchesAudience(lead, step.when, now, { stepTemplate: step.message.template })) {
    return { kind: 'wait', reason: 'step_condition' };
  }
  const startsAt = campaign.timeBox.startsAt ? new Date(campaign.timeBox.startsAt) : null;
  const earliest = startsAt && startsAt > now ? startsAt : now;
  const sendAt = nextSendTime(earliest, campaign.sendRules.window);
  const deadline = getDeadline(input, dueAt);
  if (sendAt.getTime() >= deadline.at) return { kind: 'skip', reason: deadline.reason };
  if (startsAt && startsAt > now) return { kind: 'wait', reason: 'campaign_not_started' };
  return { kind: 'plan', dueAt, sendAt };
}

export type StepDispatch =
  | { kind: 'send'; channel: CampaignChannel }
  | { kind: 'defer'; until: Date; reason: StepDeferReason }
  | { kind: 'skip'; reason: StepSkipReason };

/**
 * Whether a claimed, planned send goes out now (SPEC §2.5): the lead has not left, the step's
 * condition still holds, the send window is open and the per-lead cap has room (a cap-exempt
 * campaign is counted but not held back); otherwise defer to the next allowed minute, or skip
 * when that is past the deadline. The channel is the subscribe message when the lead holds a grant
 * for the template, else the in-app message; the grant itself is spent by the runner in the
 * transaction that claims the send.
 */
export function checkStepDispatch(
  input: StepSendInput & { dueAt: Date; counts: SendCountsByDay; caps: FrequencyCaps },
): StepDispatch {
  const { campaign, step, lead, now } = input;
  const exit = findCampaignExit(input);
  if (exit) return { kind: 'skip', reason: exit };
  if (step.when && !matchesAudience(lead, step.when, now, { stepTemplate: step.message.template })) {
    return { kind: 'skip', reason: 'step_condition' };
  }
  const deadline = getDeadline(input, input.dueAt);
  const defer = (until: Date, reason: StepDeferReason): StepDispatch => {
    const at = nextSendTime(until, campaign.sendRules.window);
    return at.getTime() >= deadline.at
      ? { kind: 'skip', reason: deadline.reason }
      : { kind: 'defer', until: at, reason };
  };
  if (now.getTime() >= deadline.at) return { kind: 'skip', reason: deadline.reason };
  if (!isWithinSendWindow(now, campaign.sendRules.window)) return defer(now, 'send_window');
  if (!campaign.sendRules.isCapExempt) {
    const cap = checkFrequencyCap({ at: now, counts: input.counts, caps: input.caps });
    if (!cap.isAllowed) return defer(cap.retryAt, cap.reason);
  }
  const hasGrant = (lead.grants[step.message.template] ?? 0) > 0;
  return { kind: 'send', channel: hasGrant ? 'subscribe_message' : 'in_app_message' };
}
