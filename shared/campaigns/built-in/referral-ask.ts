/**
 * Post-enrolment referral ask (SPEC §2.5 "win-back and referral asks after purchase"): a week
 * after enrolment and again after a month; a customer who has referred someone (an advocate)
 * is not asked again.
 */
import type { CampaignDocumentInput } from '../campaign-document.js';

const DAY = 1440;

const ask = (id: string, label: string, days: number, thing3: string): CampaignDocumentInput['steps'][number] => ({
  id,
  label,
  timing: { anchor: 'entry', offsetMinutes: days * DAY },
  message: {
    template: 'referral_invite',
    fields: { thing1: '老学员推荐有礼', thing2: '推荐好友报名，双方各得课时奖励', thing3 },
    link: 'home',
  },
});

export const REFERRAL_ASK_TRACK: CampaignDocumentInput = {
  schemaVersion: 1,
  key: 'referral-ask',
  version: 1,
  name: '报名后推荐邀请',
  description: '报名一周后和一个月后邀请推荐好友；已推荐过的学员不再打扰。',
  entry: { kind: 'event', event: 'enrolled' },
  audience: { kind: 'lifecycle_stage', in: ['customer', 'advocate'] },
  steps: [
    ask('ask-1', '报名一周：推荐邀请', 7, '{leadName}，感谢你的信任'),
    ask('ask-2', '报名一月：再次邀请', 30, '{leadName}，好课值得分享'),
  ],
  timeBox: { maxDaysPerLead: 40 },
  exit: { onEnrolment: false, onAdvisor: 'never', when: { kind: 'lifecycle_stage', in: ['advocate'] } },
};
