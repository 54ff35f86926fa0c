/**
 * The subscribe-message templates the product sends (SPEC §2.5, issue 13), by key. A key names
 * what the message is for; the WeChat template id is per-installation configuration (each
 * mini-program picks its templates from WeChat's public library and gets its own ids), read from
 * the environment by the server and from build-time config by the mini-program. Here: each key's
 * Chinese title as in the library, and the fields the installation must select, with their kinds
 * (the field key's prefix, see `wechat-fields.ts`) and labels.
 */
import { getFieldKind, type WechatFieldKind } from './wechat-fields.js';

export const SUBSCRIBE_TEMPLATE_KEYS = [
  'trial_reminder',
  'booking_confirmed',
  'new_content',
  'course_update',
  'referral_invite',
  'new_lead_for_advisor',
] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];

export interface SubscribeTemplateField {
  /** The data key WeChat expects, e.g. `thing1`: its kind and its number in the template. */
  key: string;
  /** The keyword's name in WeChat's template library, shown in the preview. */
  label: string;
}

export interface SubscribeTemplate {
  key: SubscribeTemplateKey;
  /** Title of the library template (what the user sees above the message). */
  title: string;
  /** Who receives it: a prospect (campaigns may use it) or staff (the advisor workbench). */
  recipient: 'lead' | 'staff';
  fields: readonly SubscribeTemplateField[];
}

/** The catalogue, one entry per key (SPEC §2.5). */
export const SUBSCRIBE_TEMPLATES: Readonly<Record<SubscribeTemplateKey, SubscribeTemplate>> = {
  trial_reminder: {
    key: 'trial_reminder',
    title: '试听课程提醒',
    recipient: 'lead',
    fields: [
      { key: 'thing1', label: '课程名称' },
      { key: 'time2', label: '上课时间' },
      { key: 'thing3', label: '上课地点' },
      { key: 'thing4', label: '温馨提示' },
    ],
  },
  booking_confirmed: {
    key: 'booking_confirmed',
    title: '预约成功通知',
    recipient: 'lead',
    fields: [
      { key: 'thing1', label: '预约课程' },
      { key: 'time2', label: '上课时间' },
      { key: 'thing3', label: '上课地点' },
      { key: 'name4', label: '预约人' },
    ],
  },
  new_content: {
    key: 'new_content',
    title: '学习资料更新提醒',
    recipient: 'lead',
    fields: [
      { key: 'thing1', label: '资料名称' },
      { key: 'thing2', label: '推荐理由' },
      { key: 'name3', label: '学员姓名' },
    ],
  },
  course_update: {
    key: 'course_update',
    title: '课程动态通知',
    recipient: 'lead',
    fields: [
      { key: 'thing1', label: '课程名称' },
      { key: 'thing2', label: '通知内容' },
      { key: 'phrase3', label: '当前状态' },
    ],
  },
  referral_invite: {
    key: 'referral_invite',
    title: '邀请有礼活动通知',
    recipient: 'lead',
    fields: [
      { key: 'thing1', label: '活动名称' },
      { key: 'thing2', label: '活动奖励' },
      { key: 'thing3', label: '温馨提示' },
    ],
  },
  new_lead_for_advisor: {
    key: 'new_lead_for_advisor',
    title: '新客户分配提醒',
    recipient: 'staff',
    fields: [
      { key: 'name1', label: '客户姓名' },
      { key: 'thing2', label: '意向课程' },
      { key: 'thing3', label: '线索来源' },
      { key: 'time4', label: '分配时间' },
    ],
  },
};

export function isSubscribeTemplateKey(value: string): value is SubscribeTemplateKey {
  return (SUBSCRIBE_TEMPLATE_KEYS as readonly string[]).includes(value);
}

/** The template of `key` (the catalogue is closed, so every key has one). */
export function getSubscribeTemplate(key: SubscribeTemplateKey): SubscribeTemplate {
  return SUBSCRIBE_TEMPLATES[key];
}

/** The kind of each field of a template, e.g. `{ thing1: 'thing', time2: 'time' }`. */
export function getTemplateFieldKinds(template: SubscribeTemplate): Record<string, WechatFieldKind> {
  const kinds: Record<string, WechatFieldKind> = {};
  for (const field of template.fields) {
    const kind = getFieldKind(field.key);
    if (kind) kinds[field.key] = kind;
  }
  return kinds;
}
