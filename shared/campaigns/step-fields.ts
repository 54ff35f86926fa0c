/**
 * The text of a step's template fields (SPEC §2.5, issue 13 "WeChat field rules are enforced
 * before sending"): which `{placeholder}`s a field may use and whether a text passes WeChat's rule
 * for its kind, with the problem in Chinese. The document's schema refuses a step on these
 * problems and the manager's editor shows them as they type, so both say the same thing. Free of
 * zod, so the mini-program's admin package can check as the manager types without the schemas.
 */
import type { CampaignDestination } from './page-link.js';
import { getSubscribeTemplate, type SubscribeTemplateKey } from './subscribe-templates.js';
import {
  checkFieldValue,
  type FieldViolation,
  getFieldKind,
  WECHAT_FIELD_MAX_LENGTH,
  type WechatFieldKind,
} from './wechat-fields.js';

/** Values a field may take from the lead, the content or the booking, written `{name}` in a field. */
export const MESSAGE_PLACEHOLDERS = [
  'leadName',
  'contentTitle',
  'courseName',
  'sessionTime',
  'campusName',
  'campusAddress',
] as const;
export type MessagePlaceholder = (typeof MESSAGE_PLACEHOLDERS)[number];

/** The field kinds a placeholder may fill on its own; in a `thing` any placeholder may be embedded. */
export const PLACEHOLDER_KINDS: Readonly<Record<MessagePlaceholder, readonly WechatFieldKind[]>> = {
  leadName: ['name', 'thing'],
  contentTitle: ['thing'],
  courseName: ['thing'],
  sessionTime: ['time', 'date', 'thing'],
  campusName: ['thing'],
  campusAddress: ['thing'],
};

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const HAN = /\p{Script=Han}/u;
const MAX_CHINESE_NAME_LENGTH = 10;

/** The placeholders a field text uses, e.g. `['leadName']` for `{leadName}，欢迎！`. */
export function listPlaceholders(text: string): string[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] as string);
}

const isPlaceholder = (name: string): name is MessagePlaceholder =>
  (MESSAGE_PLACEHOLDERS as readonly string[]).includes(name);

/** Why a fixed text breaks its kind's rule, in words a manager understands. */
function describeViolation(kind: WechatFieldKind, violation: FieldViolation, max: number): string {
  switch (violation) {
    case 'empty':
      return '不能为空';
    case 'too_long':
      return `超过 ${max} 字`;
    case 'format':
      return kind === 'date' ? '日期格式应为 2026年1月1日' : '时间格式应为 14:30 或 2026年1月1日 14:30';
    case 'unknown_kind':
      return '微信不认识这个字段';
    case 'characters':
      return (
        (
          {
            thing: '含微信不支持的字符（如表情）',
            name: '只能是中文或英文姓名',
            phrase: '只能是汉字',
            number: '只能是数字',
            character_string: '只能是英文字母、数字或符号',
            letter: '只能是英文字母',
          } as Partial<Record<WechatFieldKind, string>>
        )[kind] ?? '含该字段不允许的字符'
      );
    default: {
      const never: never = violation;
      return never;
    }
  }
}

export interface FieldTextCheck {
  /** Characters WeChat will count in the fixed text (placeholders are filled per lead, not counted). */
  length: number;
  /** The most the field allows: 10 for a Chinese name, else its kind's limit. */
  max: number;
  hasPlaceholders: boolean;
  /** Short Chinese text shown next to the field; `null` when the text is fine. */
  problem: string | null;
}

/**
 * Whether one field text of a step passes (SPEC §2.5): a fixed text passes WeChat's rule as
 * written; a non-`thing` field takes one of its placeholders as the whole text; a `thing` with
 * placeholders is shortened per lead, so only its fixed text must fit.
 *
 * @example checkFieldText('phrase', '已经开始了吗', { link: 'home', hasContent: false }).problem // '超过 5 字'
 */
export function checkFieldText(
  kind: WechatFieldKind,
  text: string,
  step: { link: CampaignDestination; hasContent: boolean },
): FieldTextCheck {
  const used = listPlaceholders(text);
  const fixed = text.replace(PLACEHOLDER, '');
  const max = kind === 'name' && HAN.test(fixed) ? MAX_CHINESE_NAME_LENGTH : WECHAT_FIELD_MAX_LENGTH[kind];
  const result = { length: Array.from(fixed).length, max, hasPlaceholders: used.length > 0 };
  const unknown = used.find((name) => !isPlaceholder(name));
  if (unknown !== undefined) return { ...result, problem: `没有 {${unknown}} 这个占位符` };
  if (used.includes('contentTitle') && !step.hasContent)
    return { ...result, problem: '用 {contentTitle} 需要先选择发送的内容' };
  if (used.length === 0) {
    const violation = checkFieldValue(kind, text);
    return { ...result, problem: violation ? describeViolation(kind, violation, max) : null };
  }
  if (kind !== 'thing') {
    const only = used[0] as MessagePlaceholder;
    const fits = used.length === 1 && text === `{${only}}` && PLACEHOLDER_KINDS[only].includes(kind);
    if (fits) return { ...result, problem: null };
    const allowed = MESSAGE_PLACEHOLDERS.filter((p) => PLACEHOLDER_KINDS[p].includes(kind)).map((p) => `{${p}}`);
    const problem = allowed.length ? `只能整段填写 ${allowed.join(' 或 ')}` : '该字段不能用占位符';
    return { ...result, problem };
  }
  return {
    ...result,
    problem:
      result.length > WECHAT_FIELD_MAX_LENGTH.thing ? `占位符以外的文字超过 ${WECHAT_FIELD_MAX_LENGTH.thing} 字` : null,
  };
}

/** One problem of a step's message: where (`template`, `link` or a field's key) and the Chinese text. */
export interface StepFieldProblem {
  at: 'template' | 'link' | (string & {});
  message: string;
}

/**
 * Problems of a step's field texts against its template (empty when none): every template field
 * is written and no other, and each text passes `checkFieldText`; the `content` page needs a
 * content pick.
 */
export function checkStepFields(
  message: { template: SubscribeTemplateKey; link: CampaignDestination },
  fields: Readonly<Record<string, string>>,
  hasContent: boolean,
): StepFieldProblem[] {
  const template = getSubscribeTemplate(message.template);
  const problems: StepFieldProblem[] = [];
  if (template.recipient !== 'lead')
    problems.push({ at: 'template', message: `「${template.title}」只发给员工，活动不能用` });
  if (message.link === 'content' && !hasContent)
    problems.push({ at: 'link', message: '打开内容页需要先选择发送的内容' });
  const wanted = template.fields.map((f) => f.key);
  for (const key of wanted) if (!(key in fields)) problems.push({ at: key, message: '请填写' });
  for (const [key, text] of Object.entries(fields)) {
    const kind = getFieldKind(key);
    if (!wanted.includes(key) || kind === null) {
      problems.push({ at: key, message: `「${template.title}」没有 ${key} 这个字段` });
      continue;
    }
    const { problem } = checkFieldText(kind, text, { link: message.link, hasContent });
    if (problem) problems.push({ at: key, message: problem });
  }
  return problems;
}
