/**
 * Trial reminder (SPEC §2.5 "reminders (trial class tomorrow)", issue 13 "the day before, and a
 * no-show follow-up"): the lead asked for it by booking and accepting the reminder, so the cap does
 * not hold it back, and it does not stop when an advisor owns the lead.
 */
import type { CampaignDocumentInput } from '../campaign-document.js';

const DAY = 1440;

export const TRIAL_REMINDER_TRACK: CampaignDocumentInput = {
  schemaVersion: 1,
  key: 'trial-reminder',
  version: 1,
  name: '试听课提醒',
  description: '试听课前一天提醒上课时间和地点；缺席的第二天邀请重新预约。',
  entry: { kind: 'event', event: 'trial_booked' },
  steps: [
    {
      id: 'day-before',
      label: '课前一天提醒',
      timing: { anchor: 'trial_start', offsetMinutes: -DAY },
      // Never within the last hour before class: a reminder that late is noise.
      expiresAfterMinutes: DAY - 60,
      when: { kind: 'trial_status', in: ['booked'] },
      message: {
        template: 'trial_reminder',
        fields: {
          thing1: '{courseName}',
          time2: '{sessionTime}',
          thing3: '{campusAddress}',
          thing4: '{leadName}，明天见！请提前10分钟到',
        },
        link: 'trial',
      },
    },
    {
      id: 'no-show',
      label: '缺席后邀请重新预约',
      timing: { anchor: 'trial_start', offsetMinutes: DAY },
      expiresAfterMinutes: 5 * DAY,
      when: { kind: 'trial_status', in: ['no_show'] },
      message: {
        template: 'course_update',
        fields: { thing1: '{courseName}', thing2: '错过了试听？点此重新预约', phrase3: '待预约' },
        link: 'trial',
      },
    },
  ],
  sendRules: { isCapExempt: true },
  exit: { onEnrolment: true, onAdvisor: 'never' },
};
