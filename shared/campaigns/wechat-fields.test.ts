import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFieldValue,
  type FieldViolation,
  fitFieldValue,
  getFieldKind,
  THING_ELLIPSIS,
  WECHAT_FIELD_KINDS,
  type WechatFieldKind,
} from './wechat-fields.js';

/** Any text: every script, emoji, controls, lone surrogates, long and short. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('雅', '思', ' ', '\n', '😀', 'a', '·', '\u0301', '\u200b'), maxLength: 40 }),
);

describe('getFieldKind', () => {
  it.each([
    ['thing1', 'thing'],
    ['character_string19', 'character_string'],
    ['phone_number4', 'phone_number'],
    ['time12', 'time'],
    ['thing', null],
    ['keyword1', null],
    ['thing1x', null],
  ])('%s → %s', (key, kind) => expect(getFieldKind(key)).toBe(kind));
});

describe('checkFieldValue (subscribeMessage.send value rules)', () => {
  const cases: [WechatFieldKind, string, FieldViolation | null][] = [
    ['thing', '雅思 7 分冲刺班', null],
    ['thing', '这'.repeat(20), null],
    ['thing', '这'.repeat(21), 'too_long'],
    ['thing', '', 'empty'],
    ['thing', '开心😀', 'characters'],
    ['thing', '第一行\n第二行', 'characters'],
    ['name', '王子涵', null],
    ['name', '欧阳·娜娜', null],
    ['name', '张'.repeat(10), null],
    ['name', '张'.repeat(11), 'too_long'],
    ['name', "Mary-Jane O'Neil", null],
    ['name', 'A'.repeat(20), null],
    ['name', 'A'.repeat(21), 'too_long'],
    ['name', 'Tom Zhang3', 'characters'],
    ['name', '张 Tom', null],
    ['name', '·-', 'characters'],
    ['phrase', '待预约', null],
    ['phrase', '已经开始了吗', 'too_long'],
    ['phrase', '已完成!', 'characters'],
    ['time', '15:01', null],
    ['time', '2019年10月1日 15:01', null],
    ['time', '2026-11-24 09:30', null],
    ['time', '15:01~16:00', null],
    ['time', '25:00', 'format'],
    ['time', '明天上午', 'format'],
    ['date', '2019年10月1日', null],
    ['date', '2019年10月1日 15:01', null],
    ['date', '2019年13月1日', 'format'],
    ['number', '3.14', null],
    ['number', '1'.repeat(33), 'too_long'],
    ['number', '-3', 'characters'],
    ['amount', '¥1280.00', null],
    ['amount', '12800元', null],
    ['amount', '¥12345678901', 'characters'],
    ['character_string', 'ORDER-2026-0001', null],
    ['character_string', '测试订阅消息1', 'characters'],
    ['character_string', 'a'.repeat(33), 'too_long'],
    ['phone_number', '+86-0766-66888866', null],
    ['phone_number', '+86-0766-668888661', 'too_long'],
    ['phone_number', '---', 'characters'],
    ['letter', 'ABC', null],
    ['letter', 'AB1', 'characters'],
    ['symbol', '★', null],
    ['symbol', '★★★★★★', 'too_long'],
    ['symbol', 'a', 'characters'],
  ];
  it.each(cases)('%s %j → %s', (kind, value, expected) => expect(checkFieldValue(kind, value)).toBe(expected));
});

describe('fitFieldValue', () => {
  it('shortens a long thing to its first 19 characters and an ellipsis', () => {
    expect(fitFieldValue('thing', '雅思备考白皮书（2026 版）：题型分析与评分标准')).toEqual({
      ok: true,
      value: '雅思备考白皮书（2026 版）：题型分…',
      adjustment: 'truncated',
    });
  });

  it('cleans line breaks, zero-width characters and emoji out of a thing', () => {
    expect(fitFieldValue('thing', ' 开学季\n\n特惠😀\u200b ')).toEqual({
      ok: true,
      value: '开学季 特惠',
      adjustment: 'cleaned',
    });
    expect(fitFieldValue('thing', '😀\n')).toEqual({ ok: false, violation: 'empty' });
  });

  it('never cuts a name, a phrase or a time: it refuses instead', () => {
    expect(fitFieldValue('name', '张'.repeat(11))).toEqual({ ok: false, violation: 'too_long' });
    expect(fitFieldValue('phrase', '已经开始了吗')).toEqual({ ok: false, violation: 'too_long' });
    expect(fitFieldValue('time', ' 15:01 ')).toEqual({ ok: true, value: '15:01', adjustment: 'none' });
  });

  it('a fitted value always passes the rule; a thing is refused only when nothing printable is left', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WECHAT_FIELD_KINDS), anyText, (kind, text) => {
        const fitted = fitFieldValue(kind, text);
        if (fitted.ok) {
          expect(checkFieldValue(kind, fitted.value)).toBeNull();
          if (fitted.adjustment === 'truncated') expect(fitted.value.endsWith(THING_ELLIPSIS)).toBe(true);
        } else if (kind === 'thing') {
          expect(fitted.violation).toBe('empty');
          expect(/[^\s\p{C}]/u.test(text.replace(/[\u{10000}-\u{10FFFF}]/gu, ''))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a thing that already fits is sent as it is', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('雅', '思', 'A', '1', '，', '（'), minLength: 1, maxLength: 20 }),
        (text) => {
          expect(fitFieldValue('thing', text)).toEqual({ ok: true, value: text, adjustment: 'none' });
        },
      ),
    );
  });
});
