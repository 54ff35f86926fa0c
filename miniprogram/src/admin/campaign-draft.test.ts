import { BUILT_IN_CAMPAIGNS, campaignDocumentSchema } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import {
  describeTiming,
  formatRate,
  getCampaignActions,
  groupIssues,
  locateIssue,
  setSendHours,
  setStepField,
  toggleValue,
} from './campaign-draft';

const ANCHORS = { entry: '进入活动', registered: '注册', trial_start: '试听开始' };
const welcome = campaignDocumentSchema.parse(BUILT_IN_CAMPAIGNS.find((d) => d.key === 'welcome'));

describe('toggleValue', () => {
  it('toggles a chip', () => {
    expect(toggleValue(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleValue(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('step edits', () => {
  it('sets one field of one step, leaving the others', () => {
    const edited = setStepField(welcome, 'week-1', 'thing2', '欢迎！');
    expect(edited.steps[0]?.message.fields.thing2).toBe('欢迎！');
    expect(edited.steps.slice(1)).toEqual(welcome.steps.slice(1));
    expect(welcome.steps[0]?.message.fields.thing2).not.toBe('欢迎！');
  });
  it('sets the send hours', () => {
    expect(setSendHours(welcome, '00:00', '24:00').sendRules.window.sendHours).toEqual({ from: '00:00', to: '24:00' });
  });
});

describe('formatters', () => {
  it('describes a step’s timing', () => {
    expect(describeTiming({ anchor: 'entry', offsetMinutes: 10 }, ANCHORS)).toBe('进入活动后 10 分钟');
    expect(describeTiming({ anchor: 'registered', offsetMinutes: 7 * 1440 }, ANCHORS)).toBe('注册后 7 天');
    expect(describeTiming({ anchor: 'trial_start', offsetMinutes: -1560 }, ANCHORS)).toBe('试听开始前 1 天 2 小时');
    expect(describeTiming({ anchor: 'entry', offsetMinutes: 0 }, ANCHORS)).toBe('进入活动时');
  });
  it('formats a click rate', () => {
    expect(formatRate(1, 8)).toBe('12.5%');
    expect(formatRate(0, 3)).toBe('0%');
    expect(formatRate(0, 0)).toBe('—');
  });
});

describe('getCampaignActions', () => {
  it('offers only the moves the server allows, archive last, nothing once archived', () => {
    expect(getCampaignActions('draft')).toEqual(['activate', 'archive']);
    expect(getCampaignActions('active')).toEqual(['pause', 'archive']);
    expect(getCampaignActions('paused')).toEqual(['resume', 'archive']);
    expect(getCampaignActions('archived')).toEqual([]);
  });
});

describe('where a refusal of the server shows in the editor', () => {
  const doc = {
    ...welcome,
    audience: { all: [{ not: { kind: 'role', in: ['student'] } }, { kind: 'score', min: 9, max: 1 }] },
    steps: welcome.steps.map((s, i) =>
      i === 1
        ? {
            ...s,
            variants: [
              { key: 'a', weight: 1 },
              { key: 'b', weight: 1 },
            ],
          }
        : s,
    ),
  } as typeof welcome;
  const [first, second] = doc.steps;
  it.each([
    ['document.audience.all.1.max', 'audience.score'],
    ['document.audience.all.0', 'audience.kept'],
    ['document.audience', 'audience'],
    ['document.sendRules.window', 'sendHours'],
    ['document.steps.0.message.fields.thing2', `step.${first?.id}.field.thing2`],
    ['document.steps.0.message.link', `step.${first?.id}.link`],
    ['document.steps.0.timing.offsetMinutes', `step.${first?.id}.timing`],
    ['document.steps.0.label', `step.${first?.id}.label`],
    ['document.steps.1.variants.1.fields.thing1', `step.${second?.id}.variant.b.field.thing1`],
    ['document.steps.1.variants', `step.${second?.id}.variants`],
    ['document.steps.99.label', 'general'],
    ['document.name', 'general'],
  ])('%s → %s', (path, field) => {
    expect(locateIssue(doc, path)).toBe(field);
  });
  it('keeps the first message of each field', () => {
    const issues = [
      { path: 'document.steps.0.label', message: '请填写步骤名称' },
      { path: 'document.steps.0.label', message: '步骤名称最多 40 字' },
      { path: 'document.name', message: '请填写活动名称' },
    ];
    expect(groupIssues(doc, issues)).toEqual({
      [`step.${first?.id}.label`]: '请填写步骤名称',
      general: '请填写活动名称',
    });
  });
});
