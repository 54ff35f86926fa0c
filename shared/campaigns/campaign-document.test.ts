import { describe, expect, it } from 'vitest';
import { BUILT_IN_CAMPAIGNS, BUILT_IN_TRACK_INPUTS } from './built-in/index.js';
import { TRIAL_REMINDER_TRACK } from './built-in/trial-reminder.js';
import { WELCOME_TRACK } from './built-in/welcome.js';
import { campaignDocumentSchema, parseCampaignDocument } from './campaign-document.js';
import { DEFAULT_SEND_WINDOW } from './send-window.js';

describe('the built-in tracks', () => {
  it('are the five tracks of SPEC §2.5, each parsing, with unique keys', () => {
    expect(BUILT_IN_CAMPAIGNS.map((c) => c.key)).toEqual([
      'welcome',
      'stage-drip',
      'trial-reminder',
      're-engagement',
      'referral-ask',
    ]);
    for (const input of BUILT_IN_TRACK_INPUTS) expect(campaignDocumentSchema.safeParse(input).success).toBe(true);
  });

  it('parse to a fixed point: a stored document reads back the same', () => {
    for (const doc of BUILT_IN_CAMPAIGNS) expect(parseCampaignDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it('take the defaults: quiet 21:00–08:30, capped, leave on enrolment and on acceptance by an advisor', () => {
    const welcome = parseCampaignDocument(WELCOME_TRACK);
    expect(welcome.sendRules).toEqual({ window: DEFAULT_SEND_WINDOW, isCapExempt: false });
    expect(welcome.exit).toEqual({ onEnrolment: true, onAdvisor: 'accepted' });
    const reminder = parseCampaignDocument(TRIAL_REMINDER_TRACK);
    expect(reminder.sendRules.isCapExempt).toBe(true);
    expect(reminder.exit.onAdvisor).toBe('never');
  });

  it('refer to content by stage and topic only, never by id', () => {
    for (const doc of BUILT_IN_CAMPAIGNS) {
      expect(JSON.stringify(doc)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(JSON.stringify(doc)).not.toMatch(/contentId/);
    }
  });
});

/** A valid one-step document to break one field at a time. */
function minimal(step: Record<string, unknown> = {}, doc: Record<string, unknown> = {}): unknown {
  return {
    schemaVersion: 1,
    key: 'test',
    version: 1,
    name: '测试活动',
    entry: { kind: 'audience' },
    steps: [
      {
        id: 'one',
        label: '第一步',
        timing: { anchor: 'entry', offsetMinutes: 0 },
        content: { stage: 'lead_stage' },
        message: {
          template: 'new_content',
          fields: { thing1: '{contentTitle}', thing2: '推荐给你', name3: '{leadName}' },
          link: 'content',
        },
        ...step,
      },
    ],
    ...doc,
  };
}
const message = (fields: Record<string, string>, template = 'new_content', link = 'content') => ({
  message: { template, fields, link },
});

describe('campaignDocumentSchema refuses what WeChat or the runner could not honour', () => {
  it('accepts the minimal document', () => {
    expect(campaignDocumentSchema.safeParse(minimal()).success).toBe(true);
  });

  const bad: [string, unknown, RegExp][] = [
    [
      'a phrase over 5 characters',
      minimal(message({ thing1: '免费试听', thing2: 'x', phrase3: '已经开始了吗' }, 'course_update', 'trial')),
      /phrase3/,
    ],
    [
      'a fixed thing over 20 characters',
      minimal(message({ thing1: '{contentTitle}', thing2: '这'.repeat(21), name3: '{leadName}' })),
      /thing2/,
    ],
    [
      'an unknown placeholder',
      minimal(message({ thing1: '{contentTitle}', thing2: '{city}', name3: '{leadName}' })),
      /没有 \{city\} 这个占位符/,
    ],
    [
      'free text in a name field',
      minimal(message({ thing1: '{contentTitle}', thing2: 'x', name3: '亲爱的{leadName}' })),
      /name3/,
    ],
    [
      'a content title in a name field',
      minimal(message({ thing1: 'x', thing2: 'x', name3: '{contentTitle}' })),
      /name3/,
    ],
    ['a missing field', minimal(message({ thing1: '{contentTitle}', thing2: 'x' })), /name3",?\]?,"message":"请填写/],
    [
      'a field the template lacks',
      minimal(message({ thing1: '{contentTitle}', thing2: 'x', name3: '{leadName}', thing9: 'x' })),
      /thing9/,
    ],
    [
      'a staff template',
      minimal(
        message(
          { name1: '{leadName}', thing2: 'x', thing3: 'x', time4: '{sessionTime}' },
          'new_lead_for_advisor',
          'home',
        ),
      ),
      /只发给员工/,
    ],
    ['content without a pick', minimal({ content: undefined }), /需要先选择发送的内容/],
    [
      'a delay before entry',
      minimal({ timing: { anchor: 'entry', offsetMinutes: -60 } }),
      /只有“试听开始”可以设在之前/,
    ],
    [
      'an unknown page',
      minimal(
        message({ thing1: '{contentTitle}', thing2: 'x', name3: '{leadName}' }, 'new_content', 'pages/secret/index'),
      ),
      /link/,
    ],
    [
      'duplicate variant keys',
      minimal({
        variants: [
          { key: 'a', weight: 1 },
          { key: 'a', weight: 2 },
        ],
      }),
      /版本名 a 重复/,
    ],
    [
      'a variant breaking a field',
      minimal({
        variants: [
          { key: 'a', weight: 1 },
          { key: 'b', weight: 1, fields: { name3: '{contentTitle}' } },
        ],
      }),
      /name3/,
    ],
    [
      'duplicate step ids',
      {
        ...(minimal() as object),
        steps: [(minimal() as { steps: unknown[] }).steps[0], (minimal() as { steps: unknown[] }).steps[0]],
      },
      /步骤编号 one 重复/,
    ],
    [
      'an end before the start',
      minimal({}, { timeBox: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-11-01T00:00:00+08:00' } }),
      /endsAt/,
    ],
    ['an unknown schema version', minimal({}, { schemaVersion: 2 }), /schemaVersion/],
    [
      'an audience too deep',
      minimal({}, { audience: { not: { not: { not: { not: { not: { kind: 'tags', anyOf: ['x'] } } } } } } }),
      /嵌套过深/,
    ],
  ];
  it.each(bad)('%s', (_, document, issue) => {
    const result = campaignDocumentSchema.safeParse(document);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(issue);
  });
});
