import { describe, expect, it } from 'vitest';
import { toSubscribeAnswers } from './subscribe-answers';

describe('toSubscribeAnswers', () => {
  it('counts only an accepted template as a grant', () => {
    const reply = { errMsg: 'requestSubscribeMessage:ok', a: 'accept', b: 'reject', c: 'ban' };
    expect(toSubscribeAnswers(['a', 'b', 'c'], reply)).toEqual([
      { type: 'subscribe_accept', templateId: 'a' },
      { type: 'subscribe_reject', templateId: 'b' },
      { type: 'subscribe_reject', templateId: 'c' },
    ]);
  });

  it('treats a filtered or missing template as refused, and reports at most three', () => {
    const answers = toSubscribeAnswers(['a', 'b', 'c', 'd'], { a: 'filter', d: 'accept' });
    expect(answers.map((a) => `${a.templateId}:${a.type}`)).toEqual([
      'a:subscribe_reject',
      'b:subscribe_reject',
      'c:subscribe_reject',
    ]);
  });
});
