/**
 * The default scoring model (SPEC §2.3), written from the institution's marketing playbook before
 * any data is seen. Every number has its one-line reason. Calibration (shared/calibration) fits
 * new points from history and returns a model of the same shape.
 */
import type { ScoringModel } from './scoring-model.js';

const MINUTE_MS = 60_000;

/**
 * The default model, `default` v3 (SPEC §2.3). v2 caps referrals over the window (issue 8 item 11);
 * v3 scores a delivered message only as a CRM's logged SMS/e-mail exchange, never a campaign's own
 * send (issue 13). A lead scored under an older version
 * is rescored from its history when next touched.
 */
export const DEFAULT_SCORING_MODEL: ScoringModel = {
  id: 'default',
  version: 3,
  label: '默认评分模型（行业经验）',
  fit: {
    rules: [
      // Parents usually pay and decide (SPEC §1), so a parent contact is the best contact.
      { id: 'role-parent', label: '家长（付款决策人）', field: 'role', anyOf: ['parent'], points: 8 },
      // A learner is reachable and motivated but often needs someone else to pay.
      { id: 'role-student', label: '学员本人', field: 'role', anyOf: ['student'], points: 4 },
      // K12 grades are the core catalogue of a tutoring institution.
      { id: 'grade-k12', label: '中小学年级', field: 'gradeBand', anyOf: ['primary', 'middle', 'high'], points: 6 },
      // Working adults pay for their own career courses and convert best among adults.
      { id: 'grade-working-adult', label: '在职成人', field: 'gradeBand', anyOf: ['working_adult'], points: 12 },
      // University students buy exam and career courses but with smaller budgets.
      { id: 'grade-university', label: '大学生', field: 'gradeBand', anyOf: ['university'], points: 4 },
      // Within campus reach: can attend trial classes and offline courses.
      { id: 'campus-local', label: '校区附近', field: 'campusReach', anyOf: ['local'], points: 8 },
      // Same region: can come for a trial, less likely every week.
      { id: 'campus-regional', label: '校区周边城市', field: 'campusReach', anyOf: ['regional'], points: 3 },
      // Naming an intended course means the need has a shape.
      { id: 'course-known', label: '有意向课程', field: 'courseInterest', points: 5 },
      // Budget that covers a course price (BANT budget).
      { id: 'budget-fits', label: '预算充足', field: 'budgetBand', anyOf: ['high', 'medium'], points: 8 },
      // A budget below the cheapest course rarely becomes an enrolment.
      { id: 'budget-low', label: '预算偏低', field: 'budgetBand', anyOf: ['low'], points: -5 },
      // "Needs to buy within a year" is the strongest single fit signal (SPEC §2.3).
      {
        id: 'timeline-within-year',
        label: '一年内报名',
        field: 'timeline',
        anyOf: ['within_1_month', 'within_3_months', 'within_1_year'],
        points: 20,
      },
      // Urgency on top of "within a year": a decision this month is worth calling today.
      { id: 'timeline-within-month', label: '一个月内报名', field: 'timeline', anyOf: ['within_1_month'], points: 5 },
      // Knowing who decides lets the advisor talk to the right person (BANT authority).
      {
        id: 'decision-maker-known',
        label: '已明确决策人',
        field: 'decisionMaker',
        anyOf: ['parent', 'student', 'both'],
        points: 4,
      },
      // A clearly stated need (exam, career, weak subject) is half the sale (BANT need).
      { id: 'need-clear', label: '需求明确', field: 'need', anyOf: ['clear'], points: 10 },
      // Some need, not yet articulated.
      { id: 'need-vague', label: '需求模糊', field: 'need', anyOf: ['vague'], points: 3 },
    ],
  },
  engagement: {
    rules: [
      // A page view by itself says little (bounces, crawlers, idle tabs): only reading time scores.
      {
        id: 'page-view',
        label: '浏览页面',
        signal: 'page_view',
        points: 0,
        // A minute of reading is a small deliberate act: 1 per minute, at most 10 minutes a page.
        perUnit: { prop: 'durationMs', unit: MINUTE_MS, points: 1, maxUnits: 10 },
        // 10 pages a day is plenty of signal.
        dailyCap: 10,
      },
      // Reading an article or case study is a deliberate act of research.
      {
        id: 'content-view',
        label: '阅读内容',
        signal: 'content_view',
        points: 3,
        perUnit: { prop: 'durationMs', unit: MINUTE_MS, points: 0.5, maxUnits: 10 },
        dailyCap: 5,
      },
      // Gated content costs contact details, but free guides also attract mere browsers.
      { id: 'content-download', label: '下载资料', signal: 'content_download', points: 3, dailyCap: 3 },
      // Registering gives us a name, yet most registrants go no further on their own.
      { id: 'registration', label: '注册', signal: 'registration', points: 5, dailyCap: 1 },
      // Accepting a subscription is permission to nurture.
      { id: 'subscribe-accept', label: '接受订阅消息', signal: 'subscribe_accept', points: 3, dailyCap: 3 },
      // Refusing one is a mild "not now".
      { id: 'subscribe-reject', label: '拒绝订阅消息', signal: 'subscribe_reject', points: -1, dailyCap: 3 },
      // Booking a trial class is the clearest buying signal short of paying.
      { id: 'trial-booked', label: '预约试听', signal: 'trial_booked', points: 25, dailyCap: 1 },
      // Cancelling takes part of that back.
      { id: 'trial-cancelled', label: '取消试听', signal: 'trial_cancelled', points: -10, dailyCap: 1 },
      // Attending the trial: the prospect experienced the course.
      { id: 'trial-attended', label: '参加试听', signal: 'trial_attended', points: 30, dailyCap: 1 },
      // Not showing up costs the institution a seat and signals lost interest (SPEC §2.3).
      { id: 'trial-no-show', label: '试听未到', signal: 'trial_no_show', points: -15, dailyCap: 1 },
      // Sharing vouches for us in public.
      { id: 'share', label: '分享', signal: 'share', points: 4, dailyCap: 3 },
      // Someone this lead referred became a real prospect (verified phone or a booking): an
      // advocate is warm. Others cause this signal, so it counts once a day and three times in
      // the window: a fourth referral says little more about this lead's own intent (issue 8 item 11).
      {
        id: 'referral-signup',
        label: '转介绍注册',
        signal: 'referral_signup',
        points: 12,
        dailyCap: 1,
        windowCap: 3,
      },
      // A CRM's logged SMS or e-mail exchange (imported history: an "SMS Sent" or "Email
      // Received" activity) is a live two-way contact. Only on that channel since v3 (issue 13):
      // a campaign's own subscribe or in-app message scores nothing; the lead's reaction does.
      {
        id: 'message-sent',
        label: '短信/邮件往来',
        signal: 'message_sent',
        when: { status: ['ok'], channels: ['sms'] },
        points: 5,
        dailyCap: 3,
      },
      // A bounced message means no grant or a dead contact (SPEC §2.3).
      {
        id: 'message-bounced',
        label: '消息发送失败',
        signal: 'message_sent',
        when: { status: ['bounced'] },
        points: -5,
        dailyCap: 1,
      },
      // Clicking a message shows the nurture is working.
      { id: 'message-clicked', label: '点击消息', signal: 'message_clicked', points: 3, dailyCap: 3 },
      // Asking to talk to an advisor is the highest-intent act a prospect can start.
      { id: 'consultation', label: '咨询请求', signal: 'consultation_request', points: 20, dailyCap: 1 },
      // A connected call is a real conversation about the course.
      {
        id: 'advisor-call-connected',
        label: '顾问通话',
        signal: 'advisor_call',
        when: { outcome: ['connected'] },
        points: 8,
        dailyCap: 1,
      },
      // Not reachable by phone: slightly less likely to proceed.
      {
        id: 'advisor-call-missed',
        label: '电话未接通',
        signal: 'advisor_call',
        when: { outcome: ['no_answer', 'busy', 'wrong_number'] },
        points: -2,
        dailyCap: 1,
      },
      // An advisor's note says nothing by itself about intent; neutral until calibrated.
      { id: 'advisor-note', label: '顾问备注', signal: 'advisor_note', points: 0, dailyCap: 1 },
      // Enrolled: the goal itself.
      { id: 'enrolled', label: '已报名', signal: 'enrolled', points: 50, dailyCap: 1 },
      // Unsubscribing is an explicit "stop" (SPEC §2.3).
      { id: 'unsubscribe', label: '退订', signal: 'unsubscribe', points: -15, dailyCap: 1 },
      // Returned by an advisor: not ready or not a fit right now (SPEC §2.4).
      { id: 'advisor-return', label: '顾问退回', signal: 'advisor_return', points: -20, dailyCap: 1 },
    ],
  },
  // Education decisions take weeks to months: a month of silence halves the engagement; after
  // 730 days (24 half-lives, weight < 1e-7) a signal is dropped so the stored state stays bounded.
  decay: { halfLifeDays: 30, windowDays: 730 },
  // 40 points is about a registration, a download and a consultation; fit 15 keeps out leads we
  // cannot serve however active they are; and the playbook hands over only a lead that is
  // comparing or choosing (considering, preferring) or already buying (issue 9 §7).
  mql: { minTotal: 40, minFit: 15, journeyStages: ['considering', 'preferring', 'purchasing'] },
};
