import { describe, expect, it } from 'vitest';
import {
  daysFromNowAtTen,
  describeJourneyReason,
  formatAgo,
  formatFenForInput,
  formatSlaDue,
  formatYuan,
  parseYuanToFen,
  todayInShanghai,
} from './format';

describe('money on the enrolment form', () => {
  it('reads yuan as typed into whole fen, without floating-point drift', () => {
    expect(parseYuanToFen('12800')).toBe(1_280_000);
    expect(parseYuanToFen('12,800.5')).toBe(1_280_050);
    expect(parseYuanToFen(' 0.29 ')).toBe(29);
    expect(parseYuanToFen('19.99')).toBe(1999);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '-5', '1.234', '1e5', '12.']) expect(parseYuanToFen(text), text).toBeNull();
  });

  it('writes fen back as the yuan a manager would type, which reads back as the same fen', () => {
    expect(formatFenForInput(1_280_000)).toBe('12800');
    expect(formatFenForInput(1_280_050)).toBe('12800.5');
    expect(formatFenForInput(1_999)).toBe('19.99');
    expect(formatFenForInput(7)).toBe('0.07');
    for (const fen of [0, 1, 10, 99, 100, 101, 123_456_789]) expect(parseYuanToFen(formatFenForInput(fen))).toBe(fen);
  });

  it('writes fen as yuan with thousands separators', () => {
    expect(formatYuan(1_280_050)).toBe('¥12,800.50');
    expect(formatYuan(99)).toBe('¥0.99');
  });
});

describe('times in Asia/Shanghai', () => {
  const now = Date.parse('2026-12-02T17:30:00.000Z'); // 01:30 on 12-03 in Shanghai

  it('takes the Shanghai calendar day, not the UTC one', () => {
    expect(todayInShanghai(now)).toBe('2026-12-03');
    expect(daysFromNowAtTen(1, now)).toBe('2026-12-04T02:00:00.000Z');
  });

  it('says how long ago and how long is left to accept', () => {
    expect(formatAgo('2026-12-02T17:18:00.000Z', now)).toBe('12 分钟前');
    expect(formatAgo('2026-12-02T14:00:00.000Z', now)).toBe('3 小时前');
    expect(formatSlaDue('2026-12-02T19:40:00.000Z', now)).toBe('剩 2 小时 10 分');
    expect(formatSlaDue('2026-12-02T16:55:00.000Z', now)).toBe('超时 35 分');
  });
});

describe('journey reasons', () => {
  it('names the signal behind a move in Chinese, and hides what it cannot name', () => {
    const reason =
      'preferring evidence 3.00 ≥ 0.5 (latest: trial_booked 8fe2655f-a7d6-4d80 at 2026-12-03T01:51:24.583Z)';
    expect(describeJourneyReason(reason)).toBe('依据：预约试听');
    expect(describeJourneyReason('exploring evidence 1.00 ≥ 0.5')).toBeNull();
    expect(describeJourneyReason('x (latest: something_new 1 at 2)')).toBeNull();
  });
});
