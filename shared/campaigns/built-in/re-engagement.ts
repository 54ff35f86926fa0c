/**
 * Re-engagement of dormant leads (SPEC §2.5 "re-engagement (dormant leads, low frequency)"): three
 * messages over six weeks to leads inactive for a month; a lead who becomes active again leaves.
 */
import type { CampaignDocumentInput } from '../campaign-document.js';

const DAY = 1440;

export const RE_ENGAGEMENT_TRACK: CampaignDocumentInput = {
  schemaVersion: 1,
  key: 're-engagement',
  version: 1,
  name: '沉睡用户唤醒',
  description: '30 天未互动的沉睡用户：六周内三次低频触达，重新活跃即退出。',
  entry: { kind: 'audience' },
  audience: {
    all: [
      { kind: 'lifecycle_stage', in: ['dormant'] },
      { kind: 'inactive', minDays: 30 },
    ],
  },
  steps: [
    {
      id: 'nudge-1',
      label: '唤醒：阶段内容',
      timing: { anchor: 'entry', offsetMinutes: 0 },
      content: { stage: 'lead_stage', topic: 'lead_interest' },
      message: {
        template: 'new_content',
        fields: { thing1: '{contentTitle}', thing2: '好久不见，这些新资料值得一看', name3: '{leadName}' },
        link: 'content',
      },
    },
    {
      id: 'nudge-2',
      label: '唤醒：下一阶段内容',
      timing: { anchor: 'entry', offsetMinutes: 21 * DAY },
      content: { stage: 'next_stage', topic: 'lead_interest' },
      message: {
        template: 'new_content',
        fields: { thing1: '{contentTitle}', thing2: '为你整理了最新的备考内容', name3: '{leadName}' },
        link: 'content',
      },
    },
    {
      id: 'nudge-3',
      label: '唤醒：邀请试听',
      timing: { anchor: 'entry', offsetMinutes: 42 * DAY },
      message: {
        template: 'course_update',
        fields: { thing1: '免费试听课', thing2: '{leadName}，试听课仍可预约', phrase3: '可预约' },
        link: 'trial',
      },
    },
  ],
  timeBox: { maxDaysPerLead: 50 },
  exit: { onEnrolment: true, onAdvisor: 'accepted', when: { not: { kind: 'lifecycle_stage', in: ['dormant'] } } },
};
