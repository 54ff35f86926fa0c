/**
 * Drip by journey stage (SPEC §2.5 "drip: send this stage's content plus a hook to the next stage;
 * a reaction to the hook moves the lead on"): for each stage, its content a day after the lead
 * arrived there and a hook with next-stage content a few days later. Reading the hook is evidence
 * of the next stage (SPEC §2.2), so the journey inference moves the lead on and that stage's steps
 * fall due, counted from the new stage's arrival. The hook of `exploring` is an A/B test.
 */
import { JOURNEY_STAGE_LABELS } from '../../journey/stages.js';
import type { CampaignDocumentInput } from '../campaign-document.js';

const DAY = 1440;
type Step = CampaignDocumentInput['steps'][number];
type Stage = 'exploring' | 'considering' | 'preferring';

const stageStep = (stage: Stage, kind: 'content' | 'hook', reason: string): Step => ({
  id: `${stage}-${kind}`,
  label: `${JOURNEY_STAGE_LABELS[stage]}：${kind === 'content' ? '本阶段内容' : '下一阶段内容'}`,
  timing: { anchor: 'journey_stage_entered', offsetMinutes: (kind === 'content' ? 1 : 4) * DAY },
  when: { kind: 'journey_stage', in: [stage] },
  content: { stage: kind === 'content' ? stage : 'next_stage', topic: 'lead_interest' },
  message: {
    template: 'new_content',
    fields: { thing1: '{contentTitle}', thing2: reason, name3: '{leadName}' },
    link: 'content',
  },
});

export const STAGE_DRIP_TRACK: CampaignDocumentInput = {
  schemaVersion: 1,
  key: 'stage-drip',
  version: 1,
  name: '按购买阶段培育',
  description: '每个购买阶段推送本阶段内容，并用下一阶段的内容引导前进；预约试听后退出。',
  entry: { kind: 'audience' },
  audience: {
    all: [
      { kind: 'lifecycle_stage', in: ['friend', 'name', 'engaged', 'target', 'mql'] },
      { kind: 'journey_stage', in: ['unaware', 'exploring', 'considering', 'preferring'] },
    ],
  },
  steps: [
    stageStep('exploring', 'content', '入门必读，帮你理清方向'),
    {
      ...stageStep('exploring', 'hook', '看看学员们是怎么选课的'),
      variants: [
        { key: 'a', weight: 1 },
        { key: 'b', weight: 1, fields: { thing2: '{leadName}，这份资料帮你做决定' } },
      ],
    },
    stageStep('considering', 'content', '对比之后，更容易做选择'),
    stageStep('considering', 'hook', '课程安排与价格，一文看懂'),
    stageStep('preferring', 'content', '真实评价与课表，供你参考'),
    {
      id: 'preferring-hook',
      label: `${JOURNEY_STAGE_LABELS.preferring}：邀请预约试听`,
      timing: { anchor: 'journey_stage_entered', offsetMinutes: 3 * DAY },
      when: { kind: 'journey_stage', in: ['preferring'] },
      message: {
        template: 'course_update',
        fields: { thing1: '免费试听课', thing2: '{leadName}，来校区体验一节课吧', phrase3: '可预约' },
        link: 'trial',
      },
    },
  ],
  exit: { onEnrolment: true, onAdvisor: 'accepted', when: { kind: 'trial_status', in: ['booked', 'attended'] } },
};
