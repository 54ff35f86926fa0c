import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CAMPAIGNS } from './built-in/index.js';
import type { CampaignDocument } from './campaign-document.js';
import { buildLeadFacts, buildTrialFacts } from './campaign-test-kit.js';
import type { CampaignContent } from './lead-facts.js';
import { readCampaignLink } from './page-link.js';
import { type RenderedMessage, renderMessage } from './render-message.js';
import { getSubscribeTemplate, getTemplateFieldKinds } from './subscribe-templates.js';
import { checkFieldValue } from './wechat-fields.js';

const at = new Date('2026-11-23T02:00:00Z');
const track = (key: string) => BUILT_IN_CAMPAIGNS.find((c) => c.key === key) as CampaignDocument;
const stepOf = (key: string, id: string) => {
  const step = track(key).steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${key}/${id}`);
  return step;
};
/** The rendered message, or a failed test saying why there is none. */
function sent(rendered: RenderedMessage) {
  if (!rendered.ok) throw new Error(`refused: ${rendered.reason} ${rendered.detail}`);
  return rendered;
}
const content = (title: string): CampaignContent => ({
  id: 'c-1',
  title,
  journeyStage: 'exploring',
  topic: '雅思',
  publishedAt: at,
});

describe('renderMessage: what will be sent, exactly', () => {
  it('the trial reminder: course, Shanghai time, address and the lead by name', () => {
    const step = stepOf('trial-reminder', 'day-before');
    const trial = buildTrialFacts(new Date('2026-11-24T01:30:00Z'));
    const rendered = renderMessage({
      campaignId: 'k1',
      step,
      template: getSubscribeTemplate('trial_reminder'),
      variant: null,
      channel: 'subscribe_message',
      lead: buildLeadFacts(at, { trial }),
      content: null,
    });
    expect(rendered).toEqual({
      ok: true,
      data: {
        thing1: '雅思 7 分冲刺班',
        time2: '2026年11月24日 09:30',
        thing3: '徐汇区漕溪北路 88 号 5 楼',
        thing4: '王子涵，明天见！请提前10分钟到',
      },
      page: 'pages/trial/index?campaignId=k1&step=day-before&channel=subscribe_message',
      fields: [
        { key: 'thing1', label: '课程名称', value: '雅思 7 分冲刺班', adjustment: 'none' },
        { key: 'time2', label: '上课时间', value: '2026年11月24日 09:30', adjustment: 'none' },
        { key: 'thing3', label: '上课地点', value: '徐汇区漕溪北路 88 号 5 楼', adjustment: 'none' },
        { key: 'thing4', label: '温馨提示', value: '王子涵，明天见！请提前10分钟到', adjustment: 'none' },
      ],
    });
  });

  it('shortens a long title with an ellipsis, addresses a lead without a usable name as 同学', () => {
    const step = stepOf('welcome', 'week-1');
    const render = (name: string | null) =>
      renderMessage({
        campaignId: 'k1',
        step,
        template: getSubscribeTemplate('new_content'),
        variant: null,
        channel: 'in_app_message',
        lead: buildLeadFacts(at, { name }),
        content: content('雅思备考白皮书（2026 版）：题型分析与评分标准'),
      });
    const rendered = sent(render('Tom3'));
    expect(rendered.data).toEqual({
      thing1: '雅思备考白皮书（2026 版）：题型分…',
      thing2: '欢迎加入！先从这篇入门资料开始',
      name3: '同学',
    });
    expect(rendered.fields.map((f) => f.adjustment)).toEqual(['truncated', 'none', 'fallback']);
    expect(rendered.page).toBe('pages/content/index?id=c-1&campaignId=k1&step=week-1&channel=in_app_message');
    expect(sent(render(null)).data).toMatchObject({ name3: '同学' });
    expect(sent(render('欧阳·娜娜')).data).toMatchObject({ name3: '欧阳·娜娜' });
  });

  it("writes the variant's own texts and carries the variant in the page", () => {
    const step = stepOf('stage-drip', 'exploring-hook');
    const render = (variant: string) =>
      renderMessage({
        campaignId: 'k1',
        step,
        template: getSubscribeTemplate('new_content'),
        variant,
        channel: 'subscribe_message',
        lead: buildLeadFacts(at),
        content: content('学员案例：从 5.5 到 7 分的 12 周'),
      });
    expect(sent(render('a')).data.thing2).toBe('看看学员们是怎么选课的');
    const b = sent(render('b'));
    expect(b.data.thing2).toBe('王子涵，这份资料帮你做决定');
    expect(readCampaignLink(Object.fromEntries(new URLSearchParams(b.page.split('?')[1])))).toEqual({
      campaignId: 'k1',
      stepId: 'exploring-hook',
      variant: 'b',
      channel: 'subscribe_message',
    });
  });

  it('refuses, with the field and the reason, what it cannot fill', () => {
    const base = { campaignId: 'k1', variant: null, channel: 'subscribe_message' as const, content: null };
    const reminder = stepOf('trial-reminder', 'day-before');
    expect(
      renderMessage({
        ...base,
        step: reminder,
        template: getSubscribeTemplate('trial_reminder'),
        lead: buildLeadFacts(at),
      }),
    ).toMatchObject({ ok: false, reason: 'missing_trial', field: 'time2' });
    expect(
      renderMessage({
        ...base,
        step: stepOf('welcome', 'week-1'),
        template: getSubscribeTemplate('new_content'),
        lead: buildLeadFacts(at),
      }),
    ).toMatchObject({ ok: false, reason: 'missing_content', field: 'thing1' });
    expect(
      renderMessage({
        ...base,
        step: reminder,
        template: getSubscribeTemplate('new_content'),
        lead: buildLeadFacts(at),
      }),
    ).toMatchObject({ ok: false, reason: 'template_mismatch' });
  });
});

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('雅', '思', 'A', ' ', '\n', '😀', '·', '-'), minLength: 1, maxLength: 30 }),
);
const hasPrintable = (text: string) => /[^\s\p{C}]/u.test(text.replace(/[\u{10000}-\u{10FFFF}]/gu, ''));

describe('renderMessage over every built-in step', () => {
  const steps = BUILT_IN_CAMPAIGNS.flatMap((campaign) =>
    campaign.steps.flatMap((step) =>
      (step.variants?.map((v) => v.key) ?? [null]).map((variant) => ({ step, variant })),
    ),
  );

  it('every rendered field passes its WeChat rule, for names and titles of any length and script', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...steps),
        fc.option(anyText, { nil: null }),
        anyText,
        anyText,
        anyText,
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        ({ step, variant }, name, title, courseName, address, startsAt) => {
          const template = getSubscribeTemplate(step.message.template);
          const trial = buildTrialFacts(startsAt, { courseName, campusAddress: address });
          const rendered = renderMessage({
            campaignId: 'k1',
            step,
            template,
            variant,
            channel: 'subscribe_message',
            lead: buildLeadFacts(at, { name, trial, courseName }),
            content: content(title),
          });
          if (!rendered.ok) {
            // Only an empty title, course or address can stop a built-in step.
            expect(['empty', 'missing_course']).toContain(rendered.reason);
            expect([title, courseName, address].some((t) => !hasPrintable(t))).toBe(true);
            return;
          }
          const kinds = getTemplateFieldKinds(template);
          expect(Object.keys(rendered.data)).toEqual(template.fields.map((f) => f.key));
          for (const [key, value] of Object.entries(rendered.data)) {
            expect(checkFieldValue(kinds[key] ?? 'thing', value)).toBeNull();
          }
          expect(rendered.page).toContain(`step=${step.id}`);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
