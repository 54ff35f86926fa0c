import { describe, expect, it } from 'vitest';
import { createSubscriptionRequester, SUBSCRIBE_TEXT, type SubscribeDeps } from './subscribe-request';
import { createRecordingLogger } from './testing/recording-logger';

/** wx.requestSubscribeMessage at the edge: answers with `reply`, or fails with `failure`. */
function setUp(options: { reply?: Record<string, unknown>; failure?: unknown; isSupported?: boolean } = {}) {
  const asked: string[][] = [];
  const tracked: string[] = [];
  const logger = createRecordingLogger();
  const deps: SubscribeDeps = {
    isSupported: () => options.isSupported ?? true,
    ask: async (templateIds) => {
      asked.push(templateIds);
      if (options.failure !== undefined) throw options.failure;
      return { errMsg: 'requestSubscribeMessage:ok', ...options.reply };
    },
    track: (answer, scene) => tracked.push(`${answer.templateId}:${answer.type}:${scene}`),
    logger,
  };
  return { request: createSubscriptionRequester(deps), asked, tracked, logger };
}

describe('requestSubscriptions', () => {
  it('asks before returning, so a tap handler can call it first and await later', async () => {
    const { request, asked } = setUp({ reply: { a: 'accept' } });
    const pending = request(['a'], 'registration');
    expect(asked).toEqual([['a']]);
    await pending;
  });

  it('reports every answer and returns the grants, acceptWithAlert included', async () => {
    const { request, tracked } = setUp({ reply: { a: 'acceptWithAlert', b: 'reject', c: 'accept' } });
    expect(await request(['a', 'b', 'c'], 'me')).toEqual({ kind: 'answered', grantedTemplateIds: ['a', 'c'] });
    expect(tracked).toEqual(['a:subscribe_accept:me', 'b:subscribe_reject:me', 'c:subscribe_accept:me']);
  });

  it('logs a failure with its errCode and tells the user in Chinese', async () => {
    const failure = { errCode: 20004, errMsg: 'requestSubscribeMessage:fail The main switch is switched off' };
    const { request, tracked, logger } = setUp({ failure });
    const outcome = await request(['a', 'b'], 'booking');
    expect(outcome).toMatchObject({
      kind: 'failed',
      failure: { errCode: 20004 },
      userMessage: SUBSCRIBE_TEXT.switchedOff,
    });
    expect(tracked).toEqual([]);
    expect(logger.warnings).toEqual([
      {
        message: 'subscribe request failed',
        details: expect.objectContaining({ errCode: 20004, scene: 'booking', templateIds: ['a', 'b'] }),
      },
    ]);
  });

  it('asks for nothing outside WeChat', async () => {
    const { request, asked } = setUp({ isSupported: false });
    expect(await request(['a'], 'me')).toEqual({ kind: 'unsupported' });
    expect(asked).toEqual([]);
  });

  it('asks for at most three templates in one call', async () => {
    const { request, asked } = setUp({ reply: {} });
    await request(['a', 'b', 'c', 'd'], 'me');
    expect(asked).toEqual([['a', 'b', 'c']]);
  });
});
