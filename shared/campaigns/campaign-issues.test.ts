import { describe, expect, it } from 'vitest';
import { WELCOME_TRACK } from './built-in/welcome.js';
import { campaignDocumentSchema } from './campaign-document.js';
import { campaignIssueText, describeIssueLocation } from './campaign-issues.js';
import { checkFieldText } from './step-fields.js';

const issuesOf = (document: unknown) =>
  (campaignDocumentSchema.safeParse(document, { error: campaignIssueText }).error?.issues ?? []).map((i) => ({
    path: i.path.join('.'),
    message: i.message,
  }));

/** The welcome track as plain JSON, to break one field at a time. */
interface LooseStep extends Record<string, unknown> {
  label: string;
  timing: { offsetMinutes: number };
  message: { fields: Record<string, string> };
}
const welcome = () =>
  JSON.parse(JSON.stringify(WELCOME_TRACK)) as Record<string, unknown> & { steps: [LooseStep, ...LooseStep[]] };

describe('a refused campaign document says what is wrong in Chinese, at the field', () => {
  it('names the score bound, the empty chip list and the generic issues by their paths', () => {
    const doc = welcome();
    doc.audience = {
      all: [
        { kind: 'score', min: 50, max: 10 },
        { kind: 'campus', in: [] },
      ],
    };
    doc.name = '';
    doc.steps[0].timing.offsetMinutes = 1.5;
    expect(issuesOf(doc)).toEqual(
      expect.arrayContaining([
        { path: 'audience.all.0.max', message: '最低分不能高于最高分' },
        { path: 'audience.all.1.in', message: '至少选一项' },
        { path: 'name', message: '请填写活动名称' },
        { path: 'steps.0.timing.offsetMinutes', message: '时间须为整分钟' },
      ]),
    );
  });

  it("puts a variant's own text at the variant, an inherited text's problem once at the step", () => {
    const doc = welcome();
    const step = doc.steps[0];
    const [first] = Object.keys(step.message.fields);
    step.message.fields.zz9 = 'x';
    step.variants = [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1, fields: { [first as string]: '这'.repeat(21) } },
    ];
    const issues = issuesOf(doc);
    expect(issues.filter((i) => i.path === `steps.0.variants.1.fields.${first}`)).toEqual([
      { path: `steps.0.variants.1.fields.${first}`, message: expect.stringMatching(/超过 20 字/) },
    ]);
    expect(issues.filter((i) => i.path === 'steps.0.message.fields.zz9')).toHaveLength(1);
  });

  it('answers zod’s own issues in Chinese, never in English', () => {
    const doc = welcome();
    doc.steps[0].expiresAfterMinutes = 1;
    doc.steps[0].surprise = true;
    doc.entry = { kind: 'event', event: 'moved_house' };
    for (const issue of issuesOf(doc)) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('describeIssueLocation', () => {
  const doc = welcome();
  it('names the section, the step with its label, and a field by its template label', () => {
    expect(describeIssueLocation(['audience', 'all', 0, 'max'], doc)).toBe('受众条件');
    expect(describeIssueLocation(['steps', 0, 'timing', 'offsetMinutes'], doc)).toBe(
      `第 1 步「${doc.steps[0].label}」 · 发送时间`,
    );
    expect(describeIssueLocation(['steps', 0, 'message', 'fields', 'thing1'], doc)).toBe(
      `第 1 步「${doc.steps[0].label}」 · 资料名称`,
    );
    expect(describeIssueLocation(['steps', 9, 'label'], doc)).toBe('第 10 步 · 步骤名称');
  });
});

describe('checkFieldText: what the editor shows as the manager types', () => {
  const plain = { link: 'home' as const, hasContent: false };
  it.each([
    ['thing', '这'.repeat(20), 20, null],
    ['thing', '这'.repeat(21), 20, '超过 20 字'],
    ['name', '欧阳娜娜', 10, null],
    ['name', '欧'.repeat(11), 10, '超过 10 字'],
    ['name', 'Alexandra Smith', 20, null],
    ['phrase', '待预约', 5, null],
    ['phrase', '已经开始了吗', 5, '超过 5 字'],
    ['phrase', 'ok', 5, '只能是汉字'],
  ] as const)('%s %s: at most %i, problem %s', (kind, text, max, problem) => {
    const check = checkFieldText(kind, text, plain);
    expect(check).toMatchObject({ max, problem, length: Array.from(text).length, hasPlaceholders: false });
  });

  it('counts only the fixed text of a thing with placeholders, and refuses free text around a name', () => {
    expect(checkFieldText('thing', '{leadName}，你好', plain)).toMatchObject({ length: 3, problem: null });
    expect(checkFieldText('name', '亲爱的{leadName}', plain).problem).toBe('只能整段填写 {leadName}');
    expect(checkFieldText('thing', '{contentTitle}', plain).problem).toBe('用 {contentTitle} 需要先选择发送的内容');
    expect(checkFieldText('thing', '{city}', plain).problem).toBe('没有 {city} 这个占位符');
  });
});
