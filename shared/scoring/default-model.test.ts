import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL as MODEL } from './default-model.js';
import { type LeadProfileInput, leadProfileSchema } from './lead-profile.js';
import { scoreFit, scoreLeadFromSignals } from './score-lead.js';
import { type ScoringSignal, scoringSignalSchema } from './scoring-signal.js';

const T0 = Date.UTC(2026, 3, 1, 2);
const AT = new Date(T0).toISOString();
const UUID = '00000000-0000-4000-8000-000000000001';
const MINUTE = 60_000;

type Direction = 'reward' | 'penalty' | 'neutral';
const SIGN: Record<Direction, number> = { reward: 1, penalty: -1, neutral: 0 };

/**
 * Every default engagement rule with a signal it scores, the direction its points must have and
 * why, in the model's own words (default-model.ts). Written out here, not read from the model: a
 * flipped sign in the model is a penalty that became a reward, and this table is what notices.
 */
const ENGAGEMENT_DIRECTIONS: [ruleId: string, direction: Direction, why: string, signal: object][] = [
  [
    'page-view',
    'reward',
    'a minute of reading is a small deliberate act',
    { type: 'page_view', props: { page: '/pages/course/index', durationMs: 3 * MINUTE } },
  ],
  [
    'content-view',
    'reward',
    'reading an article is a deliberate act of research',
    { type: 'content_view', contentId: UUID, props: {} },
  ],
  [
    'content-download',
    'reward',
    'gated content costs contact details',
    { type: 'content_download', contentId: UUID, props: {} },
  ],
  ['registration', 'reward', 'registering gives us a name', { type: 'registration', props: {} }],
  [
    'subscribe-accept',
    'reward',
    'accepting a subscription is permission to nurture',
    { type: 'subscribe_accept', props: { templateId: 'tpl' } },
  ],
  [
    'subscribe-reject',
    'penalty',
    'refusing a subscription is a mild "not now"',
    { type: 'subscribe_reject', props: { templateId: 'tpl' } },
  ],
  [
    'trial-booked',
    'reward',
    'booking a trial is the clearest buying signal short of paying',
    { type: 'trial_booked', props: { sessionId: UUID } },
  ],
  [
    'trial-cancelled',
    'penalty',
    'cancelling a trial takes part of the booking back',
    { type: 'trial_cancelled', props: { sessionId: UUID } },
  ],
  [
    'trial-attended',
    'reward',
    'attending, the prospect experienced the course',
    { type: 'trial_attended', props: { sessionId: UUID } },
  ],
  [
    'trial-no-show',
    'penalty',
    'not showing up costs a seat and signals lost interest',
    { type: 'trial_no_show', props: { sessionId: UUID } },
  ],
  ['share', 'reward', 'sharing vouches for us in public', { type: 'share', props: { page: '/pages/index/index' } }],
  [
    'referral-signup',
    'reward',
    'referred leads convert far above average',
    { type: 'referral_signup', props: { referrerLeadId: UUID } },
  ],
  [
    'message-sent',
    'reward',
    'a CRM-logged SMS or e-mail exchange is a live two-way contact',
    { type: 'message_sent', channel: 'sms', props: { templateId: 'crm', status: 'ok' } },
  ],
  [
    'message-bounced',
    'penalty',
    'a bounced message means no grant or a dead contact',
    { type: 'message_sent', props: { templateId: 'tpl', status: 'bounced', errcode: 43101 } },
  ],
  ['message-clicked', 'reward', 'a click shows the nurture is working', { type: 'message_clicked', props: {} }],
  [
    'consultation',
    'reward',
    'asking to talk to an advisor is the highest-intent act a prospect can start',
    { type: 'consultation_request', props: {} },
  ],
  [
    'advisor-call-connected',
    'reward',
    'a connected call is a real conversation about the course',
    { type: 'advisor_call', props: { advisorId: UUID, outcome: 'connected' } },
  ],
  [
    'advisor-call-missed',
    'penalty',
    'not reachable by phone: slightly less likely to proceed',
    { type: 'advisor_call', props: { advisorId: UUID, outcome: 'busy' } },
  ],
  [
    'advisor-note',
    'neutral',
    "an advisor's note says nothing by itself about intent",
    { type: 'advisor_note', props: { advisorId: UUID, note: '家长下周回电' } },
  ],
  ['enrolled', 'reward', 'enrolled: the goal itself', { type: 'enrolled', props: { courseId: UUID, amountFen: 1 } }],
  ['unsubscribe', 'penalty', 'unsubscribing is an explicit "stop"', { type: 'unsubscribe', props: {} }],
  [
    'advisor-return',
    'penalty',
    'returned by an advisor: not ready or not a fit right now',
    { type: 'advisor_return', advisorId: UUID },
  ],
];

/**
 * Every default fit rule with a profile value it matches, its direction and why. `timeline-within-
 * month` is only reached with `within_1_month`, which also matches the year rule: its row reads
 * its own breakdown line.
 */
const FIT_DIRECTIONS: [ruleId: string, direction: Direction, why: string, profile: LeadProfileInput][] = [
  ['role-parent', 'reward', 'parents usually pay and decide', { role: 'parent' }],
  ['role-student', 'reward', 'a learner is reachable and motivated', { role: 'student' }],
  ['grade-k12', 'reward', 'K12 grades are the core catalogue', { gradeBand: 'middle' }],
  ['grade-working-adult', 'reward', 'working adults pay for their own courses', { gradeBand: 'working_adult' }],
  ['grade-university', 'reward', 'university students buy exam and career courses', { gradeBand: 'university' }],
  ['campus-local', 'reward', 'within campus reach: can attend trial classes', { campusReach: 'local' }],
  ['campus-regional', 'reward', 'same region: can come for a trial', { campusReach: 'regional' }],
  ['course-known', 'reward', 'naming an intended course means the need has a shape', { courseInterest: 'ielts' }],
  ['budget-fits', 'reward', 'a budget that covers a course price', { budgetBand: 'medium' }],
  ['budget-low', 'penalty', 'a budget below the cheapest course rarely becomes an enrolment', { budgetBand: 'low' }],
  [
    'timeline-within-year',
    'reward',
    '"needs to buy within a year" is the strongest fit signal',
    { timeline: 'within_3_months' },
  ],
  ['timeline-within-month', 'reward', 'a decision this month is worth calling today', { timeline: 'within_1_month' }],
  ['decision-maker-known', 'reward', 'knowing who decides lets the advisor talk to them', { decisionMaker: 'both' }],
  ['need-clear', 'reward', 'a clearly stated need is half the sale', { need: 'clear' }],
  ['need-vague', 'reward', 'some need, not yet articulated', { need: 'vague' }],
];

function engagementOf(signal: object) {
  const parsed = scoringSignalSchema.parse({ id: UUID, occurredAt: AT, ...signal }) as ScoringSignal;
  return scoreLeadFromSignals({
    profile: leadProfileSchema.parse({}),
    signals: [parsed],
    model: MODEL,
    now: new Date(T0),
  });
}

describe('the default model (SPEC §2.3): every weight points the way its reason says', () => {
  it('lists every engagement rule and every fit rule of the model once', () => {
    expect(ENGAGEMENT_DIRECTIONS.map(([id]) => id).sort()).toEqual(MODEL.engagement.rules.map((r) => r.id).sort());
    expect(FIT_DIRECTIONS.map(([id]) => id).sort()).toEqual(MODEL.fit.rules.map((r) => r.id).sort());
  });

  it.each(ENGAGEMENT_DIRECTIONS)('engagement %s is a %s: %s', (ruleId, direction, _why, signal) => {
    const score = engagementOf(signal);
    expect(Math.sign(score.engagement)).toBe(SIGN[direction]);
    // The signal scores under that rule alone (a neutral rule leaves no line in the breakdown).
    const lines = score.breakdown.filter((b) => b.dimension === 'engagement').map((b) => b.ruleId);
    expect(lines).toEqual(direction === 'neutral' ? [] : [ruleId]);
  });

  it.each(FIT_DIRECTIONS)('fit %s is a %s: %s', (ruleId, direction, _why, profile) => {
    const { breakdown } = scoreFit(leadProfileSchema.parse(profile), MODEL);
    const line = breakdown.find((b) => b.ruleId === ruleId);
    expect(Math.sign(line?.points ?? 0)).toBe(SIGN[direction]);
  });

  it('a page view without reading time scores nothing: bounces, crawlers and idle tabs', () => {
    const bounce = engagementOf({ type: 'page_view', props: { page: '/pages/course/index' } });
    expect(bounce.engagement).toBe(0);
    expect(bounce.breakdown).toEqual([]);
  });

  it('a campaign’s own message scores nothing: only the lead’s reactions raise engagement (issue 13)', () => {
    for (const channel of [undefined, 'subscribe_message', 'in_app_message']) {
      const props = { templateId: 'tpl', status: 'ok' };
      const sent = engagementOf(channel ? { type: 'message_sent', channel, props } : { type: 'message_sent', props });
      expect(sent.engagement).toBe(0);
      expect(sent.breakdown.filter((b) => b.dimension === 'engagement')).toEqual([]);
    }
  });

  it('a cancelled trial takes back only part of the booking', () => {
    const booked = engagementOf({ type: 'trial_booked', props: { sessionId: UUID } }).engagement;
    const cancelled = engagementOf({ type: 'trial_cancelled', props: { sessionId: UUID } }).engagement;
    expect(booked + cancelled).toBeGreaterThan(0);
  });

  it('ranks contacts and reach as the playbook does', () => {
    const fit = (profile: LeadProfileInput) => scoreFit(leadProfileSchema.parse(profile), MODEL).fit;
    // Parents pay and decide; a learner often needs someone else to pay.
    expect(fit({ role: 'parent' })).toBeGreaterThan(fit({ role: 'student' }));
    // Working adults convert best among adults; university students have smaller budgets.
    expect(fit({ gradeBand: 'working_adult' })).toBeGreaterThan(fit({ gradeBand: 'university' }));
    // Within reach every week beats a trip for a trial; remote or unknown reach earns nothing.
    expect(fit({ campusReach: 'local' })).toBeGreaterThan(fit({ campusReach: 'regional' }));
    expect(fit({ campusReach: 'remote' })).toBe(0);
    // A clear need outweighs a vague one; no need earns nothing.
    expect(fit({ need: 'clear' })).toBeGreaterThan(fit({ need: 'vague' }));
    expect(fit({ need: 'none' })).toBe(0);
    // A decision this month adds urgency on top of "within a year"; "later" is neither.
    expect(fit({ timeline: 'within_1_month' })).toBeGreaterThan(fit({ timeline: 'within_1_year' }));
    expect(fit({ timeline: 'later' })).toBe(0);
  });

  it('halves engagement after a month of silence (30-day half-life)', () => {
    const signal = scoringSignalSchema.parse({ id: UUID, occurredAt: AT, type: 'consultation_request', props: {} });
    const profile = leadProfileSchema.parse({});
    const at = (days: number) =>
      scoreLeadFromSignals({ profile, signals: [signal], model: MODEL, now: new Date(T0 + days * 86_400_000) });
    expect(at(30).engagement).toBeCloseTo(at(0).engagement / 2, 9);
    expect(at(60).engagement).toBeCloseTo(at(0).engagement / 4, 9);
  });
});
