import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../redis/memory.js';
import { createWechatClient } from './client.js';
import { createStandInControl, type StandInControl } from './stand-in/stand-in-control.js';
import { STAND_IN_CREDENTIALS, startWechatStandIn } from './stand-in/start-stand-in.js';
import { WechatApiError } from './wechat-error.js';

let standIn: Awaited<ReturnType<typeof startWechatStandIn>>;
let control: StandInControl;
beforeAll(async () => {
  standIn = await startWechatStandIn();
  control = createStandInControl(standIn.url);
});
afterAll(() => standIn.close());

function client(counter?: { stableToken: number }) {
  const counting: typeof fetch = (input, init) => {
    if (counter && String(input).includes('/cgi-bin/stable_token')) counter.stableToken++;
    return fetch(input, init);
  };
  return createWechatClient({
    baseUrl: standIn.url,
    ...STAND_IN_CREDENTIALS,
    store: createMemoryStore(),
    fetch: counting,
  });
}

async function rejection(promise: Promise<unknown>): Promise<WechatApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof WechatApiError)) throw new Error(`expected a WechatApiError, got ${String(error)}`);
  return error;
}

describe('WeChat client against the stand-in', () => {
  it('logs in with a dev code once; a reused or unknown code is 40029/40163 with a Chinese message', async () => {
    const wechat = client();
    await expect(wechat.code2Session('dev-alice')).resolves.toMatchObject({ openid: 'o_alice' });
    expect((await rejection(wechat.code2Session('dev-alice'))).errcode).toBe(40163);
    const bad = await rejection(wechat.code2Session('nonsense'));
    expect(bad).toMatchObject({ errcode: 40029, kind: 'user', userMessage: '登录凭证无效，请重试' });
  });

  it('fetches the access token once and serves it from the store, also to 20 concurrent callers', async () => {
    const counter = { stableToken: 0 };
    const wechat = client(counter);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => wechat.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    await wechat.getAccessToken();
    expect(counter.stableToken).toBe(1);
  });

  it('refreshes once on an expired token (42001) and retries the call', async () => {
    const counter = { stableToken: 0 };
    const wechat = client(counter);
    await wechat.getAccessToken();
    await control.expireToken();
    await expect(wechat.getPhoneNumber('phone-13800138000')).resolves.toMatchObject({ purePhoneNumber: '13800138000' });
    expect(counter.stableToken).toBe(2);
  });

  it('sends a subscribe message only against a grant, spending it (43101 after)', async () => {
    const wechat = client();
    await wechat.code2Session('dev-bob');
    const message = { toOpenId: 'o_bob', templateId: 'tpl-trial-reminder', data: { thing1: '雅思试听课' } };
    expect((await rejection(wechat.sendSubscribeMessage(message))).errcode).toBe(43101);
    await control.grant('o_bob', 'tpl-trial-reminder');
    await wechat.sendSubscribeMessage(message);
    expect((await rejection(wechat.sendSubscribeMessage(message))).errcode).toBe(43101);
    expect(await control.messages('o_bob')).toHaveLength(1);
  });

  it('refuses bad template data (47003), unknown templates (40037) and bad phone codes (40029)', async () => {
    const wechat = client();
    await wechat.code2Session('dev-carol');
    await control.grant('o_carol', 'tpl-trial-reminder');
    const long = { toOpenId: 'o_carol', templateId: 'tpl-trial-reminder', data: { thing1: '这'.repeat(21) } };
    expect((await rejection(wechat.sendSubscribeMessage(long))).errcode).toBe(47003);
    const unknown = { toOpenId: 'o_carol', templateId: 'tpl-nope', data: { thing1: 'x' } };
    expect((await rejection(wechat.sendSubscribeMessage(unknown))).errcode).toBe(40037);
    expect((await rejection(wechat.getPhoneNumber('phone-123'))).errcode).toBe(40029);
  });

  it('a wrong secret is a configuration error', async () => {
    const wechat = createWechatClient({
      baseUrl: standIn.url,
      appId: STAND_IN_CREDENTIALS.appId,
      secret: 'wrong',
      store: createMemoryStore(),
    });
    expect(await rejection(wechat.getAccessToken())).toMatchObject({ errcode: 40125, kind: 'config' });
  });
});
