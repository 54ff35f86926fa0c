/**
 * WeChat subscribe-message field rules (SPEC §2.5, issue 13 "WeChat field rules are enforced before
 * sending"). A field's kind is its key without the trailing number (`thing1` → `thing`); WeChat
 * refuses a value that breaks its kind's rule with errcode 47003 ("argument invalid! data.xxx.value
 * invalid"), so we check before sending. The limits are those of 服务端 API
 * subscribeMessage.send, 订阅消息参数值内容限制:
 *
 * | kind | rule |
 * |---|---|
 * | `thing` | ≤ 20 characters: Chinese, digits, letters or symbols |
 * | `name` | ≤ 10 Chinese characters, or ≤ 20 letters/symbols; mixed counts as Chinese |
 * | `phrase` | ≤ 5 Chinese characters only |
 * | `time` | 24-hour time, optionally with a date before it; a range joined by `~` |
 * | `date` | a date (年月日), optionally with a 24-hour time; a range joined by `~` |
 * | `number` | ≤ 32 digits, may have decimals |
 * | `amount` | one currency symbol + ≤ 10 digits, may have decimals, may end in `元` |
 * | `character_string` | ≤ 32 digits, letters or symbols |
 * | `phone_number` | ≤ 17 digits and symbols |
 * | `letter` | ≤ 32 letters |
 * | `symbol` | ≤ 5 symbols |
 *
 * Characters are counted as Unicode code points. Our own, stricter rule for `thing`: no control,
 * format or private-use characters and nothing outside the Basic Multilingual Plane (emoji), since
 * WeChat documents neither how it counts nor whether it renders them.
 */

export const WECHAT_FIELD_KINDS = [
  'thing',
  'name',
  'phrase',
  'time',
  'date',
  'number',
  'amount',
  'character_string',
  'phone_number',
  'letter',
  'symbol',
] as const;
export type WechatFieldKind = (typeof WECHAT_FIELD_KINDS)[number];

/** Most code points per kind (`name` is 10 when it has a Chinese character, else 20). */
export const WECHAT_FIELD_MAX_LENGTH: Record<WechatFieldKind, number> = {
  thing: 20,
  name: 20,
  phrase: 5,
  time: 40,
  date: 40,
  number: 32,
  amount: 14,
  character_string: 32,
  phone_number: 17,
  letter: 32,
  symbol: 5,
};
const MAX_CHINESE_NAME_LENGTH = 10;

/** The one character that ends a shortened `thing`: our ellipsis rule (first 19 + `…`). */
export const THING_ELLIPSIS = '…';

/** Why a value breaks its field's rule. */
export type FieldViolation = 'empty' | 'too_long' | 'characters' | 'format' | 'unknown_kind';

const FIELD_KEY = new RegExp(`^(${WECHAT_FIELD_KINDS.join('|')})(\\d{1,3})$`);
const HAN = /\p{Script=Han}/u;
const DATE = String.raw`\d{4}(?:年(?:0?[1-9]|1[0-2])月(?:0?[1-9]|[12]\d|3[01])日|[-/](?:0?[1-9]|1[0-2])[-/](?:0?[1-9]|[12]\d|3[01]))`;
const CLOCK = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`;
const range = (point: string) => new RegExp(`^${point}(?: ?~ ?${point})?$`);

/** Whole-value patterns per kind; length is checked separately. */
const PATTERNS: Record<WechatFieldKind, RegExp> = {
  thing: /^[^\p{C}]+$/u,
  // Chinese names may carry the interpunct of transliterated names (欧阳·娜娜); Latin names a
  // space, dot, hyphen or apostrophe.
  name: /^(?=.*[\p{Script=Han}A-Za-z])[\p{Script=Han}A-Za-z·. '-]+$/u,
  phrase: /^\p{Script=Han}+$/u,
  time: range(`(?:${DATE} )?${CLOCK}`),
  date: range(`${DATE}(?: ${CLOCK})?`),
  number: /^\d+(?:\.\d+)?$/,
  amount: /^[¥￥$€£]?\d{1,10}(?:\.\d{1,2})?元?$/,
  character_string: /^[\x21-\x7E]+$/,
  phone_number: /^(?=.*\d)[\d+\-()]+$/,
  letter: /^[A-Za-z]+$/,
  symbol: /^[^\p{L}\p{N}\p{C}\s]+$/u,
};

/**
 * The kind of a template field key, or `null` for a key WeChat would not accept.
 *
 * @example getFieldKind('character_string19') // 'character_string'
 */
export function getFieldKind(key: string): WechatFieldKind | null {
  const match = FIELD_KEY.exec(key);
  return match ? (match[1] as WechatFieldKind) : null;
}

const codePointLength = (value: string) => Array.from(value).length;

/**
 * Whether `value` passes WeChat's rule for `kind` (subscribeMessage.send, errcode 47003 otherwise):
 * `null` when it does, else the broken rule.
 *
 * @example checkFieldValue('phrase', '待预约') // null
 * @example checkFieldValue('phrase', '已经开始了吗') // 'too_long'
 */
export function checkFieldValue(kind: WechatFieldKind, value: string): FieldViolation | null {
  if (value.length === 0) return 'empty';
  const length = codePointLength(value);
  const max = kind === 'name' && HAN.test(value) ? MAX_CHINESE_NAME_LENGTH : WECHAT_FIELD_MAX_LENGTH[kind];
  if (length > max) return 'too_long';
  if (kind === 'thing' && Array.from(value).some((c) => (c.codePointAt(0) ?? 0) > 0xffff)) return 'characters';
  if (!PATTERNS[kind].test(value)) return kind === 'time' || kind === 'date' ? 'format' : 'characters';
  return null;
}

/** A value made to fit its field, and what was done to it (shown in the preview). */
export type FittedField =
  | { ok: true; value: string; adjustment: 'none' | 'cleaned' | 'truncated' }
  | { ok: false; violation: FieldViolation };

/**
 * Makes `value` fit `kind` where WeChat's rule allows it, else says why not. Only free text
 * (`thing`) is changed: line breaks and runs of spaces become one space; control, format and
 * private-use characters and emoji are dropped; a value over 20 characters keeps its first 19 and
 * ends in `…`. Every other kind is a name, a code, a time or an amount, which shortening would
 * falsify, so it is trimmed and checked, never cut.
 *
 * @example fitFieldValue('thing', '雅思备考白皮书（2026 版）：题型分析与评分标准') // { ok: true, value: '雅思备考白皮书（2026 版）：题型分…', adjustment: 'truncated' }
 */
export function fitFieldValue(kind: WechatFieldKind, value: string): FittedField {
  if (kind !== 'thing') {
    const trimmed = value.trim();
    const violation = checkFieldValue(kind, trimmed);
    return violation ? { ok: false, violation } : { ok: true, value: trimmed, adjustment: 'none' };
  }
  const cleaned = Array.from(value.replace(/\s+/gu, ' ').replace(/\p{C}/gu, ''))
    .filter((c) => (c.codePointAt(0) ?? 0) <= 0xffff)
    .join('')
    .trim();
  if (cleaned.length === 0) return { ok: false, violation: 'empty' };
  const chars = Array.from(cleaned);
  const max = WECHAT_FIELD_MAX_LENGTH.thing;
  if (chars.length > max) {
    const value = `${chars
      .slice(0, max - 1)
      .join('')
      .trimEnd()}${THING_ELLIPSIS}`;
    return { ok: true, value, adjustment: 'truncated' };
  }
  return { ok: true, value: cleaned, adjustment: cleaned === value ? 'none' : 'cleaned' };
}
