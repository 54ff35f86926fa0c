/**
 * Welcome track (SPEC §2.5 "welcome: new registrations, weeks long"): from registration, one
 * message a week for four weeks with content of the lead's own stage and topic, then a hook to the
 * next stage, then an invitation to a trial class.
 */
import type { CampaignDocumentInput } from '../campaign-document.js';

const DAY = 1440;
const weekly = (id: string, week: number, reason: string): CampaignDocumentInput['steps'][number] => ({
  id,
  label: `第 ${week + 1} 周：阶段内容推荐`,
  timing: { anchor: 'entry', offsetMinutes: week * 7 * DAY },
  content: { stage: 'lead_stage', topic: 'lead_interest' },
  message: {
    template: 'new_content',
    fields: { thing1: '{contentTitle}', thing2: reason, name3: '{leadName}' },
    link: 'content',
  },
});

export const WELCOME_TRACK: CampaignDocumentInput = {
  schemaVersion: 1,
  key: 'welcome',
  version: 1,
  name: '新用户欢迎旅程',
  description: '新注册的用户：四周内每周一篇与其阶段和兴趣相符的内容，最后邀请预约试听。',
  entry: { kind: 'event', event: 'registered' },
  audience: { not: { kind: 'lifecycle_stage', in: ['customer', 'advocate'] } },
  steps: [
    { ...weekly('week-1', 0, '欢迎加入！先从这篇入门资料开始'), timing: { anchor: 'entry', offsetMinutes: 10 } },
    weekly('week-2', 1, '第 2 周学习资料已为你备好'),
    weekly('week-3', 2, '第 3 周精选内容，继续加油'),
    {
      ...weekly('week-4', 3, '想更进一步？看看这篇'),
      label: '第 4 周：下一阶段内容',
      content: { stage: 'next_stage', topic: 'lead_interest' },
    },
    {
      id: 'trial-invite',
      label: '第 5 周：邀请预约试听',
      timing: { anchor: 'entry', offsetMinutes: 28 * DAY },
      message: {
        template: 'course_update',
        fields: { thing1: '免费试听课', thing2: '{leadName}，预约一节免费试听课吧', phrase3: '可预约' },
        link: 'trial',
      },
    },
  ],
  timeBox: { maxDaysPerLead: 35 },
  exit: { onEnrolment: true, onAdvisor: 'accepted' },
};
