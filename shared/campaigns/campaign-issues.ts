/**
 * Chinese words for what is wrong with a campaign document (issue 13 §3: the manager's editor
 * shows the server's refusal next to the field). The schemas write their own rules' messages in
 * Chinese; this error map covers zod's generic issues (a missing value, a number out of range),
 * and `describeIssueLocation` names the place for a message shown away from its field.
 */
import type { z } from 'zod';
import { getSubscribeTemplate, isSubscribeTemplateKey } from './subscribe-templates.js';

/** zod's per-parse error map: `campaignDocumentSchema.safeParse(input, { error: campaignIssueText })`. */
export const campaignIssueText: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '请填写' : '格式不对';
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 字`;
      if (issue.origin === 'array') return `至少 ${min} 项`;
      return `不能小于 ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `最多 ${max} 字`;
      if (issue.origin === 'array') return `最多 ${max} 项`;
      return `不能大于 ${max}`;
    }
    case 'invalid_value':
      return '不是可选的值';
    case 'unrecognized_keys':
      return `无法识别的字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '条件的写法不对';
    default:
      return '格式不对';
  }
};

const SECTIONS: Record<string, string> = {
  schemaVersion: '文档版本',
  key: '活动标识',
  name: '活动名称',
  description: '活动说明',
  entry: '进入方式',
  audience: '受众条件',
  steps: '步骤',
  sendRules: '发送规则',
  timeBox: '活动期限',
  exit: '退出规则',
};

const at = (value: unknown, key: PropertyKey): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;

/**
 * Where in the document an issue is, in words: `受众条件`, `第 2 步「第 1 天：欢迎」· 课程名称`.
 *
 * @example describeIssueLocation(['steps', 0, 'timing', 'offsetMinutes'], doc) // '第 1 步「欢迎」· 发送时间'
 */
export function describeIssueLocation(path: readonly PropertyKey[], document: unknown): string {
  const [section, index, part, ...rest] = path;
  if (section !== 'steps' || typeof index !== 'number') return SECTIONS[String(section)] ?? '活动';
  const step = at(at(document, 'steps'), index);
  const label = at(step, 'label');
  const where = `第 ${index + 1} 步${typeof label === 'string' && label ? `「${label}」` : ''}`;
  const fieldKey = part === 'message' && rest[0] === 'fields' ? rest[1] : part === 'variants' ? rest[2] : undefined;
  if (typeof fieldKey === 'string') {
    const template = at(at(step, 'message'), 'template');
    const field =
      typeof template === 'string' && isSubscribeTemplateKey(template)
        ? getSubscribeTemplate(template).fields.find((f) => f.key === fieldKey)
        : undefined;
    const variant =
      part === 'variants' ? ` · 版本 ${String(at(at(at(step, 'variants'), rest[0] as number), 'key') ?? '')}` : '';
    return `${where}${variant} · ${field?.label ?? fieldKey}`;
  }
  const parts: Record<string, string> = {
    timing: '发送时间',
    message: '消息',
    variants: 'A/B 版本',
    label: '步骤名称',
    when: '步骤条件',
    content: '发送内容',
  };
  return `${where} · ${parts[String(part)] ?? '设置'}`;
}
