import { describe, expect, it } from 'vitest';
import { isGrantingAnswer, readSubscribeFailure, toSubscribeAnswers } from './subscribe-answers';

describe('toSubscribeAnswers', () => {
  it('counts every accept… answer as a grant, and nothing else', () => {
    const reply = {
      errMsg: 'requestSubscribeMessage:ok',
      a: 'accept',
      b: 'acceptWithAlert',
      c: 'acceptWithAudio',
    };
    expect(toSubscribeAnswers(['a', 'b', 'c'], reply)).toEqual([
      { type: 'subscribe_accept', templateId: 'a' },
      { type: 'subscribe_accept', templateId: 'b' },
      { type: 'subscribe_accept', templateId: 'c' },
    ]);
    expect(toSubscribeAnswers(['a', 'b', 'c'], { a: 'acceptWithForcePush', b: 'reject', c: 'ban' })).toEqual([
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

  it.each([
    ['accept', true],
    ['acceptWithAlert', true],
    ['reject', false],
    ['ban', false],
    ['filter', false],
    ['Accept', false],
    [undefined, false],
    [1, false],
  ])('isGrantingAnswer(%j) is %s', (answer, expected) => {
    expect(isGrantingAnswer(answer)).toBe(expected);
  });
});

describe('readSubscribeFailure', () => {
  it('keeps the errCode and says what it means', () => {
    const failure = readSubscribeFailure({
      errCode: 20004,
      errMsg: 'requestSubscribeMessage:fail The main switch is switched off',
    });
    expect(failure).toEqual({
      errCode: 20004,
      errMsg: 'requestSubscribeMessage:fail The main switch is switched off',
      meaning: expect.stringContaining('main switch'),
    });
  });

  it('reads an error without a code', () => {
    expect(readSubscribeFailure(new Error('boom'))).toEqual({
      errCode: null,
      errMsg: 'boom',
      meaning: 'unknown failure',
    });
    expect(readSubscribeFailure({ errCode: 99999, errMsg: 'x' })).toMatchObject({
      errCode: 99999,
      meaning: 'unknown failure',
    });
  });
});
