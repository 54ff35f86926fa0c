import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CAMPAIGNS } from './built-in/index.js';
import { type CampaignDocument, parseCampaignDocument } from './campaign-document.js';
import { buildLeadFacts, buildTrialFacts } from './campaign-test-kit.js';
import { DEFAULT_FREQUENCY_CAPS, listCapWindowDays } from './frequency-cap.js';
import type { CampaignLeadFacts } from './lead-facts.js';
import { checkStepDispatch, getStepOccurrenceKey, type StepSendInput, scheduleStepSend } from './schedule-step.js';
import { isWithinSendWindow } from './send-window.js';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const track = (key: string) => BUILT_IN_CAMPAIGNS.find((c) => c.key === key) as CampaignDocument;
const stepOf = (campaign: CampaignDocument, id: string) =>
  campaign.steps.find((s) => s.id === id) as CampaignDocument['steps'][number];

describe('the trial reminder (the day before the class)', () => {
  const campaign = track('trial-reminder');
  const dayBefore = stepOf(campaign, 'day-before');
  const input = (now: string, startsAt: string, overrides: Partial<CampaignLeadFacts> = {}): StepSendInput => {
    const trial = buildTrialFacts(shanghai(startsAt));
    const lead = buildLeadFacts(shanghai('2026-11-01T10:00:00'), { trial, ...overrides });
    return { campaign, step: dayBefore, lead, enteredAt: trial.bookedAt, now: shanghai(now) };
  };

  it('waits until 24 h before the class, then plans it for now', () => {
    expect(scheduleStepSend(input('2026-11-24T09:59:00', '2026-11-25T10:00:00'))).toEqual({
      kind: 'wait',
      reason: 'not_due',
    });
    expect(scheduleStepSend(input('2026-11-24T10:05:00', '2026-11-25T10:00:00'))).toEqual({
      kind: 'plan',
      dueAt: shanghai('2026-11-24T10:00:00'),
      sendAt: shanghai('2026-11-24T10:05:00'),
    });
  });

  it('a class at 08:00 is reminded at 08:30 the day before, after the quiet hours', () => {
    expect(scheduleStepSend(input('2026-11-24T08:05:00', '2026-11-25T08:00:00'))).toMatchObject({
      kind: 'plan',
      sendAt: shanghai('2026-11-24T08:30:00'),
    });
  });

  it('is never sent within the last hour before the class', () => {
    expect(scheduleStepSend(input('2026-11-25T09:30:00', '2026-11-25T10:00:00'))).toEqual({
      kind: 'skip',
      reason: 'expired',
    });
    // Booked at 22:00 for 09:00: the first allowed minute (08:30) is too late.
    expect(scheduleStepSend(input('2026-11-24T22:05:00', '2026-11-25T09:00:00'))).toEqual({
      kind: 'skip',
      reason: 'expired',
    });
  });

  it('stops on unsubscribe and enrolment, but not when an advisor owns the lead', () => {
    const at = '2026-11-24T10:05:00';
    const start = '2026-11-25T10:00:00';
    expect(scheduleStepSend(input(at, start, { unsubscribedAt: shanghai('2026-11-23T10:00:00') }))).toEqual({
      kind: 'skip',
      reason: 'unsubscribed',
    });
    expect(scheduleStepSend(input(at, start, { enrolledAt: shanghai('2026-11-23T10:00:00') }))).toEqual({
      kind: 'skip',
      reason: 'enrolled',
    });
    const owned = { ownerAdvisorId: 'a1', ownerAcceptedAt: shanghai('2026-11-23T10:00:00') };
    expect(scheduleStepSend(input(at, start, owned)).kind).toBe('plan');
  });

  it('waits while the booking is cancelled, and keys the send by booking', () => {
    const cancelled = input('2026-11-24T10:05:00', '2026-11-25T10:00:00');
    cancelled.lead = {
      ...cancelled.lead,
      trial: buildTrialFacts(shanghai('2026-11-25T10:00:00'), { status: 'cancelled' }),
    };
    expect(scheduleStepSend(cancelled)).toEqual({ kind: 'wait', reason: 'step_condition' });
    expect(getStepOccurrenceKey(campaign, dayBefore, cancelled.lead)).toBe(
      'day-before@b5a7c1d2-0e3f-4a5b-8c9d-1e2f3a4b5c6d',
    );
    expect(getStepOccurrenceKey(track('welcome'), stepOf(track('welcome'), 'week-1'), cancelled.lead)).toBe('week-1');
  });

  it('follows up a no-show the day after the class', () => {
    const noShow = stepOf(campaign, 'no-show');
    const trial = buildTrialFacts(shanghai('2026-11-25T10:00:00'), { status: 'no_show' });
    const lead = buildLeadFacts(shanghai('2026-11-01T10:00:00'), { trial });
    const at = (now: string) =>
      scheduleStepSend({ campaign, step: noShow, lead, enteredAt: trial.bookedAt, now: shanghai(now) });
    expect(at('2026-11-26T09:00:00')).toEqual({ kind: 'wait', reason: 'not_due' });
    expect(at('2026-11-26T10:10:00')).toMatchObject({ kind: 'plan', sendAt: shanghai('2026-11-26T10:10:00') });
  });
});

describe('the welcome track: exits and time-boxes', () => {
  const campaign = track('welcome');
  const week2 = stepOf(campaign, 'week-2');
  const enteredAt = shanghai('2026-11-23T10:00:00');
  const plan = (now: string, overrides: Partial<CampaignLeadFacts> = {}) =>
    scheduleStepSend({
      campaign,
      step: week2,
      lead: buildLeadFacts(enteredAt, overrides),
      enteredAt,
      now: shanghai(now),
    });

  it('plans week 2 seven days after registration', () => {
    expect(plan('2026-11-30T10:00:00')).toMatchObject({ kind: 'plan', dueAt: shanghai('2026-11-30T10:00:00') });
  });

  it('leaves once an advisor accepted the lead, not when routing merely assigned it', () => {
    expect(plan('2026-11-30T10:00:00', { ownerAdvisorId: 'a1' }).kind).toBe('plan');
    expect(plan('2026-11-30T10:00:00', { ownerAdvisorId: 'a1', ownerAcceptedAt: enteredAt })).toEqual({
      kind: 'skip',
      reason: 'advisor_owned',
    });
  });

  it('skips a week that can no longer go out within its three days, and leaves after 35 days', () => {
    expect(plan('2026-12-03T10:01:00')).toEqual({ kind: 'skip', reason: 'expired' });
    const last = stepOf(campaign, 'trial-invite');
    expect(
      scheduleStepSend({
        campaign,
        step: last,
        lead: buildLeadFacts(enteredAt),
        enteredAt,
        now: shanghai('2026-12-29T10:00:00'),
      }),
    ).toEqual({ kind: 'skip', reason: 'lead_time_box' });
  });

  it("honours the campaign's time-box", () => {
    const boxed = parseCampaignDocument({
      ...campaign,
      timeBox: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
    });
    const at = (now: string) =>
      scheduleStepSend({
        campaign: boxed,
        step: week2,
        lead: buildLeadFacts(enteredAt),
        enteredAt,
        now: shanghai(now),
      });
    expect(at('2026-11-30T10:00:00')).toEqual({ kind: 'wait', reason: 'campaign_not_started' });
    const late = parseCampaignDocument({ ...campaign, timeBox: { endsAt: '2026-11-30T12:00:00+08:00' } });
    expect(
      scheduleStepSend({
        campaign: late,
        step: week2,
        lead: buildLeadFacts(enteredAt),
        enteredAt,
        now: shanghai('2026-11-30T11:00:00'),
      }).kind,
    ).toBe('plan');
    expect(
      scheduleStepSend({
        campaign: late,
        step: week2,
        lead: buildLeadFacts(enteredAt),
        enteredAt,
        now: shanghai('2026-11-30T12:00:00'),
      }),
    ).toEqual({ kind: 'skip', reason: 'campaign_ended' });
  });

  it('a reactivated dormant lead leaves the re-engagement track', () => {
    const reEngagement = track('re-engagement');
    const lead = buildLeadFacts(enteredAt, { lifecycleStage: 'engaged' });
    const step = stepOf(reEngagement, 'nudge-2');
    expect(
      scheduleStepSend({ campaign: reEngagement, step, lead, enteredAt, now: shanghai('2026-12-20T10:00:00') }),
    ).toEqual({
      kind: 'skip',
      reason: 'exit_condition',
    });
  });
});

describe('checkStepDispatch: the last word before a claimed send goes out', () => {
  const welcome = track('welcome');
  const week2 = stepOf(welcome, 'week-2');
  const enteredAt = shanghai('2026-11-23T10:00:00');
  const dueAt = shanghai('2026-11-30T10:00:00');
  const dispatch = (
    now: string,
    overrides: Partial<CampaignLeadFacts> = {},
    sentToday = 0,
    campaign = welcome,
    step = week2,
  ) => {
    const today = listCapWindowDays(shanghai(now)).at(-1) as number;
    return checkStepDispatch({
      campaign,
      step,
      lead: buildLeadFacts(enteredAt, overrides),
      enteredAt,
      now: shanghai(now),
      dueAt,
      counts: { [today]: sentToday },
      caps: DEFAULT_FREQUENCY_CAPS,
    });
  };

  it('sends as a subscribe message with a grant, else as an in-app message', () => {
    expect(dispatch('2026-11-30T10:00:00', { grants: { new_content: 1 } })).toEqual({
      kind: 'send',
      channel: 'subscribe_message',
    });
    expect(dispatch('2026-11-30T10:00:00', { grants: { trial_reminder: 2 } })).toEqual({
      kind: 'send',
      channel: 'in_app_message',
    });
  });

  it('defers out of quiet hours and over the daily cap, to the next allowed minute', () => {
    expect(dispatch('2026-11-30T21:30:00')).toEqual({
      kind: 'defer',
      until: shanghai('2026-12-01T08:30:00'),
      reason: 'send_window',
    });
    expect(dispatch('2026-11-30T10:00:00', {}, 1)).toEqual({
      kind: 'defer',
      until: shanghai('2026-12-01T08:30:00'),
      reason: 'daily_cap',
    });
  });

  it('a cap-exempt reminder goes out over the cap', () => {
    const reminder = track('trial-reminder');
    const trial = buildTrialFacts(shanghai('2026-12-01T10:00:00'));
    expect(dispatch('2026-11-30T10:00:00', { trial }, 1, reminder, stepOf(reminder, 'day-before'))).toEqual({
      kind: 'send',
      channel: 'in_app_message',
    });
  });

  it('skips when the lead unsubscribed after planning, or when deferring would miss the deadline', () => {
    expect(dispatch('2026-11-30T10:00:00', { unsubscribedAt: shanghai('2026-11-30T09:00:00') })).toEqual({
      kind: 'skip',
      reason: 'unsubscribed',
    });
    expect(dispatch('2026-12-02T20:00:00', {}, 1)).toMatchObject({
      kind: 'defer',
      until: shanghai('2026-12-03T08:30:00'),
    });
    expect(dispatch('2026-12-03T09:00:00', {}, 1)).toEqual({ kind: 'skip', reason: 'expired' });
  });
});

describe('planning and dispatch agree', () => {
  const cases = BUILT_IN_CAMPAIGNS.flatMap((campaign) => campaign.steps.map((step) => ({ campaign, step })));
  const factsArb = fc.record({
    journeyStage: fc.constantFrom('unaware', 'exploring', 'considering', 'preferring', 'purchasing' as const),
    lifecycleStage: fc.constantFrom('engaged', 'dormant', 'customer', 'advocate', 'sql' as const),
    trialStatus: fc.constantFrom('booked', 'attended', 'no_show', 'cancelled' as const),
    /** How long ago the step fell due. */
    latenessMinutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
    hasGrant: fc.boolean(),
  });

  it('a planned send is inside the window, before its deadline, and goes out at its time if nothing changed', () => {
    let planned = 0;
    fc.assert(
      fc.property(fc.constantFrom(...cases), factsArb, fc.integer({ min: 0, max: 14 * 24 * 60 }), (c, f, minutes) => {
        const now = new Date(shanghai('2026-11-01T00:00:00').getTime() + minutes * 60_000);
        // Every anchor at the same instant, so whichever the step counts from, it fell due `lateness` ago.
        const anchor = new Date(now.getTime() - (f.latenessMinutes + c.step.timing.offsetMinutes) * 60_000);
        const enteredAt = anchor;
        const trial = buildTrialFacts(anchor, { status: f.trialStatus });
        const lead = buildLeadFacts(anchor, {
          journeyStage: f.journeyStage,
          lifecycleStage: f.lifecycleStage,
          enrolledAt: f.lifecycleStage === 'customer' || f.lifecycleStage === 'advocate' ? anchor : null,
          trial,
          grants: f.hasGrant ? { [c.step.message.template]: 1 } : {},
        });
        const input = { campaign: c.campaign, step: c.step, lead, enteredAt, now };
        const plan = scheduleStepSend(input);
        if (plan.kind !== 'plan') return;
        planned++;
        expect(plan.sendAt.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(plan.dueAt.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(isWithinSendWindow(plan.sendAt, c.campaign.sendRules.window)).toBe(true);
        const dispatch = checkStepDispatch({
          ...input,
          now: plan.sendAt,
          dueAt: plan.dueAt,
          counts: {},
          caps: DEFAULT_FREQUENCY_CAPS,
        });
        expect(dispatch).toEqual({ kind: 'send', channel: f.hasGrant ? 'subscribe_message' : 'in_app_message' });
      }),
      { numRuns: 2000 },
    );
    // The property is not vacuous: a good share of the generated cases are planned.
    expect(planned).toBeGreaterThan(300);
  });
});
